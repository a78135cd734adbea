import { dialog } from 'electron';

export const dialogs = dialog;
