export { unzip, unzipText } from '../../electron/report/unzip.ts';
