// parse: module
export { undeclared };
