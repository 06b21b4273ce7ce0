// const needs an initialiser.
const k; // expect error: SyntaxError
