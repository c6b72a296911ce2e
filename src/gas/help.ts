/** The Help menu item: the guide and every custom function, in a sidebar (sidebar/Help.html). */
import { showSidebarPage } from './ui';

export function showHelpSidebar(): void {
  showSidebarPage('Help', 'OKR Cadence help');
}
