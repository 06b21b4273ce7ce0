outer: for (;;) {
  inner: while (true) {
    if (a) continue outer;
    break inner;
  }
}
block: { break block; }
