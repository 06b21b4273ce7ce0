await null;
throw new Error("boom");
