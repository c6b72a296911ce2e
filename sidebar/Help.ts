/** The Help sidebar: a static guide and the custom-function reference written in by the build. */
import { byId } from './dom';
import { closePage } from './run';

byId('close').addEventListener('click', closePage);
