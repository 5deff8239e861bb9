/** The view's key figures are the catalog's (src/catalog/key-figures.ts): one definition for the table and the charts. */
export { KEY_FIGURES, type KeyFigure } from '../catalog/key-figures.ts';
