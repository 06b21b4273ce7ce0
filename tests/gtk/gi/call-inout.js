// In-out arguments: the value goes in, the new value comes back among
// the results.
const {Pango} = imports.gi;
const m = new Pango.Matrix({xx: 2, xy: 0, yx: 0, yy: 3, x0: 10, y0: 20});
print(m.transform_point(1, 1).join());             // expect: 12,23
print(m.transform_distance(1, 1).join());          // expect: 2,3
print(Pango.quantize_line_geometry(1500, 3000).join()); // expect: 1024,3072
// An in-out struct: a copy comes back, the argument is not changed.
const r = new Pango.Rectangle({x: 1, y: 1, width: 2, height: 2});
const moved = m.transform_rectangle(r);
// (in Pango units: the offset counts PANGO_SCALE times)
print(moved.x, moved.y, moved.width, moved.height, r.x); // expect: 10242 20483 4 6 1
