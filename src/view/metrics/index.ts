/** The measurement layer of side-by-side panes and batch experiments (issue 7). Definitions: README.md. */
export * from './folder';
export * from './traffic';
export * from './formulas';
export * from './csv';
export * from './histogram';
