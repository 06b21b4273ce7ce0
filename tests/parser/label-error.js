block: { continue block; }
