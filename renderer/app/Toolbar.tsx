import { PreferenceSwitches } from './PreferenceSwitches';
import { CommandButton } from './CommandButton';

/** The main window's toolbar: file, history, edit and layout commands. */
export function Toolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-orientation="horizontal">
      <CommandButton id="file.new" icon="new" />
      <CommandButton id="file.open" icon="open" />
      <CommandButton id="file.save" icon="save" />
      <CommandButton id="file.close" icon="close" />
      <span className="toolbar-sep" />
      <CommandButton id="edit.undo" icon="undo" />
      <CommandButton id="edit.redo" icon="redo" />
      <span className="toolbar-sep" />
      <CommandButton id="edit.duplicate" icon="duplicate" />
      <CommandButton id="edit.delete" icon="delete" />
      <span className="toolbar-sep" />
      <CommandButton id="view.fitView" icon="fit" />
      <CommandButton id="view.tidyLayout" icon="tidy" />
      <span className="toolbar-spacer" />
      <PreferenceSwitches />
    </div>
  );
}
