/* test-object.c — objects, elements, arrays, and the sizes the design
 * promises.
 *
 * Objects and keys are held on the runtime's root stack, so the tests
 * run unchanged under GSCRIPT_GC_STRESS=1 and under incremental marking
 * with heap verification.
 */
#include "config.h"

#include "atom.h"
#include "object.h"

typedef struct
{
  JsRuntime *rt;
  JsObject *proto; /* an Object.prototype stand-in, rooted */
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->rt = runtime_new ();
  g_assert_nonnull (f->rt);
  f->proto = object_new_with_proto (f->rt, NULL, 0);
  g_assert_nonnull (f->proto);
  rt_push_root (f->rt, js_object_value (f->proto));
}

static void
fixture_done (Fixture *f)
{
  runtime_free (f->rt);
}

static void
collect (Fixture *f)
{
  gc_collect (&f->rt->heap, JS_GC_REASON_EXPLICIT);
}

static bool
stressed (void)
{
  const char *s = g_getenv ("GSCRIPT_GC_STRESS");
  return s && *s && strcmp (s, "0") != 0;
}

static JsKey
key (Fixture *f, const char *name)
{
  JsKey k = atom_key_from_utf8 (f->rt, name);
  g_assert_true (k != JS_KEY_NONE);
  if (!js_key_is_index (k))
    rt_push_cell (f->rt, js_key_cell (k));
  return k;
}

static JsObject *
hold (Fixture *f, JsObject *o)
{
  g_assert_nonnull (o);
  rt_push_root (f->rt, js_object_value (o));
  return o;
}

static JsObject *
new_obj (Fixture *f)
{
  return hold (f, object_new_with_proto (f->rt, (JsCell *) f->proto, 0));
}

static void
define (Fixture *f, JsObject *o, JsKey k, JsValue v, uint8_t attrs)
{
  g_assert_cmpint (object_define_own (f->rt, o, k, v, attrs), ==,
                   JS_PROP_DONE);
}

static void
put (Fixture *f, JsObject *o, JsKey k, JsValue v)
{
  JsValue out;
  g_assert_cmpint (object_set (f->rt, o, k, v, &out), ==, JS_SET_DONE);
}

static JsValue
get (Fixture *f, JsObject *o, JsKey k)
{
  JsValue v;
  g_assert_cmpint (object_get (f->rt, o, k, &v), ==, JS_GET_VALUE);
  return v;
}

static bool
has_own (Fixture *f, JsObject *o, JsKey k)
{
  JsValue v;
  uint8_t attrs;
  return object_get_own (f->rt, o, k, &v, &attrs);
}

static void
count_cell (JsCell *cell, void *data)
{
  (*(size_t *) data)++;
}

static size_t
count_shapes (Fixture *f)
{
  size_t n = 0;
  heap_foreach_cell (&f->rt->heap, JS_SPACE_SHAPES, count_cell, &n);
  return n;
}

static void
assert_keys (Fixture *f, JsObject *o, uint32_t flags, const JsKey *want,
             uint32_t nwant)
{
  uint32_t n;
  JsKey *k = object_own_keys (f->rt, o, flags, &n);
  g_assert_cmpuint (n, ==, nwant);
  for (uint32_t i = 0; i < n; i++)
    g_assert_true (k[i] == want[i]);
  g_free (k);
}

/* ------------------------------------------------------------------ */
/* Sizes                                                               */
/* ------------------------------------------------------------------ */

static void
test_sizes (void)
{
  Fixture f;
  fixture_init (&f);
  JsRuntime *rt = f.rt;
  /* {} : one 32-byte slot, two inline slots, no storage. */
  JsObject *empty = new_obj (&f);
  g_assert_cmpuint (heap_cell_slots ((JsCell *) empty), ==, 1);
  g_assert_cmpuint (heap_cell_size ((JsCell *) empty), ==, 32);
  g_assert_cmpuint (empty->shape->inline_cap, ==, 2);
  g_assert_null (empty->storage);
  /* {a, b} : still one slot. */
  JsObject *ab = new_obj (&f);
  define (&f, ab, key (&f, "a"), js_int32 (1), JS_ATTR_DEFAULT);
  define (&f, ab, key (&f, "b"), js_int32 (2), JS_ATTR_DEFAULT);
  g_assert_cmpuint (heap_cell_slots ((JsCell *) ab), ==, 1);
  g_assert_null (ab->storage);
  g_assert_cmpint (js_get_int32 (ab->slots[1]), ==, 2);
  /* A literal of five properties: the compiler asks for five inline. */
  JsObject *lit = hold (&f, object_new_with_proto (rt, (JsCell *) f.proto,
                                                   5));
  g_assert_cmpuint (heap_cell_slots ((JsCell *) lit), ==, 2);
  g_assert_cmpuint (lit->shape->inline_cap, ==, 6);
  /* A five-character string, a rope, a symbol, an accessor pair. */
  JsString *five = string_new_latin1 (rt, (const uint8_t *) "hello", 5);
  rt_push_root (rt, js_string_value (five));
  g_assert_cmpuint (heap_cell_slots ((JsCell *) five), ==, 1);
  JsString *long1 = string_new_utf8 (
      rt, "a string long enough not to be copied when joined", -1);
  rt_push_root (rt, js_string_value (long1));
  JsString *rope = string_concat (rt, long1, long1);
  rt_push_root (rt, js_string_value (rope));
  g_assert_true (string_is_rope (rope));
  g_assert_cmpuint (heap_cell_slots ((JsCell *) rope), ==, 1);
  JsSymbol *sym = symbol_new (rt, five);
  rt_push_root (rt, js_symbol_value (sym));
  g_assert_cmpuint (heap_cell_slots ((JsCell *) sym), ==, 1);
  JsAccessorPair *pair = object_new_accessor (rt, JS_UNDEFINED, JS_NULL);
  rt_push_cell (rt, pair);
  g_assert_cmpuint (heap_cell_slots ((JsCell *) pair), ==, 1);
  /* [] : one slot too (length is inline slot 0). */
  JsObject *arr = hold (&f, object_new_array (rt, (JsCell *) f.proto, 0));
  g_assert_cmpuint (heap_cell_slots ((JsCell *) arr), ==, 1);
  g_assert_null (arr->storage);
  g_assert_cmpuint (object_array_length (arr), ==, 0);
  fixture_done (&f);
}

static void
test_shapes_shared (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b");
  JsObject *o1 = new_obj (&f), *o2 = new_obj (&f), *o3 = new_obj (&f);
  g_assert_true (o1->shape == o2->shape);
  define (&f, o1, a, js_int32 (1), JS_ATTR_DEFAULT);
  define (&f, o1, b, js_int32 (2), JS_ATTR_DEFAULT);
  define (&f, o2, a, js_int32 (3), JS_ATTR_DEFAULT);
  define (&f, o2, b, js_int32 (4), JS_ATTR_DEFAULT);
  define (&f, o3, b, js_int32 (5), JS_ATTR_DEFAULT);
  define (&f, o3, a, js_int32 (6), JS_ATTR_DEFAULT);
  g_assert_true (o1->shape == o2->shape);
  g_assert_true (o1->shape != o3->shape);
  /* Same keys, other attributes: another shape. */
  JsObject *o4 = new_obj (&f);
  define (&f, o4, a, js_int32 (1), JS_ATTR_DEFAULT);
  define (&f, o4, b, js_int32 (2), JS_ATTR_ENUMERABLE);
  g_assert_true (o4->shape != o1->shape);
  g_assert_true (o4->shape->parent == o1->shape->parent);
  /* Other prototype: another shape. */
  JsObject *o5 = hold (&f, object_new_with_proto (f.rt, NULL, 0));
  define (&f, o5, a, js_int32 (1), JS_ATTR_DEFAULT);
  define (&f, o5, b, js_int32 (2), JS_ATTR_DEFAULT);
  g_assert_true (o5->shape != o1->shape);
  g_assert_cmpint (js_get_int32 (get (&f, o2, b)), ==, 4);
  g_assert_cmpint (js_get_int32 (get (&f, o3, a)), ==, 6);
  fixture_done (&f);
}

static void
test_shapes_swept (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey keys[8];
  for (int i = 0; i < 8; i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "k%d", i);
      keys[i] = key (&f, name);
    }
  JsObject *kept = new_obj (&f);
  for (int i = 0; i < 4; i++)
    define (&f, kept, keys[i], js_int32 (i), JS_ATTR_DEFAULT);
  collect (&f);
  size_t base = count_shapes (&f);
  JsValue *saved = rt_save_roots (f.rt);
  /* Objects with key orders no live object has. */
  for (int i = 0; i < 6; i++)
    {
      JsObject *o = new_obj (&f);
      for (int k = 0; k < 8; k++)
        define (&f, o, keys[(k + i + 1) % 8], js_int32 (k), JS_ATTR_DEFAULT);
    }
  collect (&f);
  size_t more = count_shapes (&f);
  g_assert_cmpuint (more, >, base);
  rt_restore_roots (f.rt, saved);
  collect (&f);
  g_assert_cmpuint (count_shapes (&f), ==, base);
  /* The one reachable keeps its shape and values. */
  for (int i = 0; i < 4; i++)
    g_assert_cmpint (js_get_int32 (get (&f, kept, keys[i])), ==, i);
  fixture_done (&f);
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */
/* ------------------------------------------------------------------ */

static void
test_define_get_set (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b"), c = key (&f, "c");
  JsObject *o = new_obj (&f);
  JsValue v;
  g_assert_cmpint (object_get (f.rt, o, a, &v), ==, JS_GET_NONE);
  g_assert_true (v == JS_UNDEFINED);
  put (&f, o, a, js_int32 (1));
  define (&f, o, b, js_int32 (2), JS_ATTR_ENUMERABLE);
  /* b is read-only now. */
  g_assert_cmpint (object_set (f.rt, o, b, js_int32 (3), &v), ==,
                   JS_SET_REJECTED);
  g_assert_cmpint (js_get_int32 (get (&f, o, b)), ==, 2);
  /* Redefining changes value and attributes. */
  define (&f, o, b, js_int32 (4), JS_ATTR_DEFAULT);
  put (&f, o, b, js_int32 (5));
  g_assert_cmpint (js_get_int32 (get (&f, o, b)), ==, 5);
  /* Through the prototype. */
  define (&f, f.proto, c, js_int32 (7), JS_ATTR_DEFAULT);
  g_assert_cmpint (js_get_int32 (get (&f, o, c)), ==, 7);
  g_assert_false (has_own (&f, o, c));
  /* Writing creates an own property, shadowing. */
  put (&f, o, c, js_int32 (8));
  g_assert_cmpint (js_get_int32 (get (&f, o, c)), ==, 8);
  g_assert_cmpint (js_get_int32 (get (&f, f.proto, c)), ==, 7);
  fixture_done (&f);
}

static void
test_accessors_and_read_only_protos (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey acc = key (&f, "acc"), ro = key (&f, "ro");
  JsAccessorPair *pair = object_new_accessor (f.rt, js_int32 (1),
                                              js_int32 (2));
  JsValue pv = js_cell_value (JS_TAG_INTERNAL, pair);
  rt_push_root (f.rt, pv);
  define (&f, f.proto, acc, pv, JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE);
  define (&f, f.proto, ro, js_int32 (9), 0);
  JsObject *o = new_obj (&f);
  JsValue v;
  g_assert_cmpint (object_get (f.rt, o, acc, &v), ==, JS_GET_ACCESSOR);
  g_assert_true (v == pv);
  g_assert_cmpint (object_set (f.rt, o, acc, js_int32 (5), &v), ==,
                   JS_SET_ACCESSOR);
  g_assert_true (v == pv);
  g_assert_cmpint (object_set (f.rt, o, ro, js_int32 (5), &v), ==,
                   JS_SET_REJECTED);
  g_assert_false (has_own (&f, o, ro));
  /* defineProperty is not [[Set]]: it may shadow. */
  define (&f, o, ro, js_int32 (10), JS_ATTR_DEFAULT);
  g_assert_cmpint (js_get_int32 (get (&f, o, ro)), ==, 10);
  collect (&f);
  g_assert_true (heap_is_cell (&f.rt->heap, pair));
  fixture_done (&f);
}

static void
test_overflow_storage (void)
{
  Fixture f;
  fixture_init (&f);
  JsObject *o = new_obj (&f);
  JsKey keys[20];
  for (int i = 0; i < 20; i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "f%d", i);
      keys[i] = key (&f, name);
      /* Values that are cells, so that a missed barrier or trace would
         lose them. */
      JsString *s = string_new_latin1 (f.rt, (const uint8_t *) name,
                                       strlen (name));
      g_assert_nonnull (s);
      define (&f, o, keys[i], js_string_value (s), JS_ATTR_DEFAULT);
    }
  g_assert_nonnull (o->storage);
  g_assert_cmpuint (o->storage->prop_cap, >=, 18);
  collect (&f);
  for (int i = 0; i < 20; i++)
    {
      JsString *s = js_get_string (get (&f, o, keys[i]));
      char name[8];
      g_snprintf (name, sizeof name, "f%d", i);
      g_assert_true (string_equals_latin1 (s, (const uint8_t *) name,
                                           strlen (name)));
    }
  fixture_done (&f);
}

static void
test_delete (void)
{
  Fixture f;
  fixture_init (&f);
  JsObject *o = new_obj (&f);
  JsKey keys[6];
  for (int i = 0; i < 6; i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "d%d", i);
      keys[i] = key (&f, name);
      define (&f, o, keys[i], js_int32 (i * 10), JS_ATTR_DEFAULT);
    }
  /* Slots 0-1 inline, 2-5 in storage: deleting d1 moves d2 into the
     cell and the others down. */
  g_assert_cmpint (object_delete (f.rt, o, keys[1]), ==, JS_PROP_DONE);
  g_assert_false (has_own (&f, o, keys[1]));
  for (int i = 0; i < 6; i++)
    if (i != 1)
      g_assert_cmpint (js_get_int32 (get (&f, o, keys[i])), ==, i * 10);
  g_assert_cmpint (js_get_int32 (o->slots[1]), ==, 20);
  /* Deleting the newest goes back to the parent shape. */
  JsShape *before = o->shape;
  g_assert_cmpint (object_delete (f.rt, o, keys[5]), ==, JS_PROP_DONE);
  g_assert_true (o->shape == before->parent);
  g_assert_cmpint (object_delete (f.rt, o, keys[5]), ==, JS_PROP_DONE);
  /* Non-configurable properties stay. */
  define (&f, o, keys[5], js_int32 (5), JS_ATTR_WRITABLE);
  g_assert_cmpint (object_delete (f.rt, o, keys[5]), ==, JS_PROP_REJECTED);
  g_assert_true (has_own (&f, o, keys[5]));
  /* The same object built without d1 and d5 has the same shape. */
  JsObject *p = new_obj (&f);
  for (int i = 0; i < 5; i++)
    if (i != 1)
      define (&f, p, keys[i], js_int32 (0), JS_ATTR_DEFAULT);
  define (&f, p, keys[5], js_int32 (5), JS_ATTR_WRITABLE);
  g_assert_true (p->shape == o->shape);
  fixture_done (&f);
}

static void
test_dictionary_mode (void)
{
  Fixture f;
  fixture_init (&f);
  JsObject *o = new_obj (&f);
  int n = 200;
  JsValue *saved = rt_save_roots (f.rt);
  JsKey *keys = g_new (JsKey, n);
  for (int i = 0; i < n; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "m%d", i);
      keys[i] = key (&f, name);
      define (&f, o, keys[i], js_int32 (i), JS_ATTR_DEFAULT);
      g_assert_cmpint (shape_is_dictionary (o->shape), ==,
                       i >= (int) JS_SHAPE_MAX_FAST_PROPERTIES);
    }
  /* Delete every other, add them back: slots are reused. */
  for (int i = 0; i < n; i += 2)
    g_assert_cmpint (object_delete (f.rt, o, keys[i]), ==, JS_PROP_DONE);
  uint32_t high = o->shape->count;
  for (int i = 0; i < n; i += 2)
    g_assert_false (has_own (&f, o, keys[i]));
  for (int i = 0; i < n; i += 2)
    define (&f, o, keys[i], js_int32 (-i), JS_ATTR_DEFAULT);
  g_assert_cmpuint (o->shape->count, ==, high);
  collect (&f);
  for (int i = 0; i < n; i++)
    g_assert_cmpint (js_get_int32 (get (&f, o, keys[i])), ==,
                     i % 2 ? i : -i);
  /* Enumeration: the odd keys in their order, then the re-added even
     ones in the order they came back. */
  JsKey *want = g_new (JsKey, n);
  int k = 0;
  for (int i = 1; i < n; i += 2)
    want[k++] = keys[i];
  for (int i = 0; i < n; i += 2)
    want[k++] = keys[i];
  assert_keys (&f, o, JS_KEYS_ALL, want, (uint32_t) n);
  g_free (want);
  g_free (keys);
  rt_restore_roots (f.rt, saved);
  fixture_done (&f);
}

/* An object used as a map, deleting other keys than its newest: after
 * JS_OBJECT_MAX_REBUILDS rebuilt shapes it becomes a dictionary. */
static void
test_many_deletes_make_dictionary (void)
{
  Fixture f;
  fixture_init (&f);
  JsObject *o = new_obj (&f);
  JsKey keys[40];
  for (int i = 0; i < 40; i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "e%d", i);
      keys[i] = key (&f, name);
    }
  for (int i = 0; i < 4; i++)
    define (&f, o, keys[i], js_int32 (i), JS_ATTR_DEFAULT);
  uint32_t rebuilds = 0;
  for (int i = 4; i < 40 && !shape_is_dictionary (o->shape); i++)
    {
      define (&f, o, keys[i], js_int32 (i), JS_ATTR_DEFAULT);
      /* The oldest key left: never the newest. */
      g_assert_cmpint (object_delete (f.rt, o, keys[i - 4]), ==,
                       JS_PROP_DONE);
      rebuilds++;
    }
  g_assert_true (shape_is_dictionary (o->shape));
  g_assert_cmpuint (rebuilds, ==, JS_OBJECT_MAX_REBUILDS + 1);
  uint32_t last = 3 + rebuilds;
  for (uint32_t i = last - 3; i <= last; i++)
    g_assert_cmpint (js_get_int32 (get (&f, o, keys[i])), ==, (int) i);
  g_assert_false (has_own (&f, o, keys[last - 4]));
  fixture_done (&f);
}

/* An object of 10,000 properties: every lookup costs about one probe. */
static void
test_ten_thousand_properties (void)
{
  Fixture f;
  fixture_init (&f);
  const int n = 10000;
  JsObject *o = new_obj (&f);
  JsKey *keys = g_new (JsKey, n);
  for (int i = 0; i < n; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "p%d", i);
      /* The object holds its keys: nothing else roots them. */
      JsValue *saved = rt_save_roots (f.rt);
      keys[i] = key (&f, name);
      define (&f, o, keys[i], js_int32 (i), JS_ATTR_DEFAULT);
      rt_restore_roots (f.rt, saved);
    }
  collect (&f);
  JsShapeTable *t = o->shape->table;
  uint64_t lookups = t->lookups, probes = t->probes;
  for (int i = 0; i < n; i++)
    g_assert_cmpint (js_get_int32 (get (&f, o, keys[i])), ==, i);
  lookups = t->lookups - lookups;
  probes = t->probes - probes;
  g_test_message ("%" G_GUINT64_FORMAT " lookups, %" G_GUINT64_FORMAT
                  " probes", lookups, probes);
  g_assert_cmpuint (lookups, ==, (uint64_t) n);
  g_assert_cmpuint (probes, <, 2 * lookups);
  g_free (keys);
  fixture_done (&f);
}

/* ------------------------------------------------------------------ */
/* Elements and arrays                                                 */
/* ------------------------------------------------------------------ */

static void
test_elements (void)
{
  Fixture f;
  fixture_init (&f);
  JsObject *o = new_obj (&f);
  JsKey name = key (&f, "name");
  define (&f, o, name, js_int32 (-1), JS_ATTR_DEFAULT);
  for (uint32_t i = 0; i < 10; i++)
    put (&f, o, js_key_from_index (i), js_int32 ((int32_t) i));
  g_assert_cmpuint (object_elem_len (o), ==, 10);
  g_assert_false (o->storage->flags & JS_STORAGE_HOLEY);
  g_assert_false (o->shape->flags & JS_SHAPE_HAS_INDEXED);
  /* A gap: holes, dense still. */
  put (&f, o, js_key_from_index (20), js_int32 (20));
  g_assert_cmpuint (object_elem_len (o), ==, 21);
  g_assert_true (o->storage->flags & JS_STORAGE_HOLEY);
  g_assert_false (has_own (&f, o, js_key_from_index (15)));
  /* Far away: a named property. */
  put (&f, o, js_key_from_index (1000000), js_int32 (7));
  g_assert_cmpuint (object_elem_len (o), ==, 21);
  g_assert_true (o->shape->flags & JS_SHAPE_HAS_INDEXED);
  g_assert_cmpint (js_get_int32 (get (&f, o, js_key_from_index (1000000))),
                   ==, 7);
  /* Non-default attributes move an element into the shape. */
  define (&f, o, js_key_from_index (3), js_int32 (33), JS_ATTR_ENUMERABLE);
  g_assert_true (object_elements (o)[3] == JS_EMPTY);
  JsValue v;
  uint8_t attrs;
  g_assert_true (object_get_own (f.rt, o, js_key_from_index (3), &v, &attrs));
  g_assert_cmpint (js_get_int32 (v), ==, 33);
  g_assert_cmpuint (attrs, ==, JS_ATTR_ENUMERABLE);
  g_assert_cmpint (object_set (f.rt, o, js_key_from_index (3), js_int32 (0),
                               &v),
                   ==, JS_SET_REJECTED);
  /* Deleting. */
  g_assert_cmpint (object_delete (f.rt, o, js_key_from_index (20)), ==,
                   JS_PROP_DONE);
  g_assert_cmpuint (object_elem_len (o), ==, 10);
  g_assert_cmpint (object_delete (f.rt, o, js_key_from_index (5)), ==,
                   JS_PROP_DONE);
  g_assert_false (has_own (&f, o, js_key_from_index (5)));
  /* Keys: indices ascending, elements and named ones merged. */
  JsKey want[] = {
    js_key_from_index (0), js_key_from_index (1), js_key_from_index (2),
    js_key_from_index (3), js_key_from_index (4), js_key_from_index (6),
    js_key_from_index (7), js_key_from_index (8), js_key_from_index (9),
    js_key_from_index (1000000), name,
  };
  assert_keys (&f, o, JS_KEYS_ALL, want, G_N_ELEMENTS (want));
  /* Property storage growing moves the elements along. */
  for (int i = 0; i < 10; i++)
    {
      char buf[8];
      g_snprintf (buf, sizeof buf, "x%d", i);
      define (&f, o, key (&f, buf), js_int32 (i), JS_ATTR_DEFAULT);
    }
  g_assert_cmpint (js_get_int32 (get (&f, o, js_key_from_index (9))), ==, 9);
  g_assert_cmpint (js_get_int32 (get (&f, o, key (&f, "x9"))), ==, 9);
  fixture_done (&f);
}

static void
test_arrays (void)
{
  Fixture f;
  fixture_init (&f);
  JsRuntime *rt = f.rt;
  JsKey length = atom_common_key (rt, JS_ATOM_length);
  JsObject *a = hold (&f, object_new_array (rt, (JsCell *) f.proto, 4));
  JsObject *b = hold (&f, object_new_array (rt, (JsCell *) f.proto, 0));
  g_assert_true (a->shape == b->shape);
  uint8_t attrs;
  JsValue v;
  g_assert_true (object_get_own (rt, a, length, &v, &attrs));
  g_assert_cmpuint (attrs, ==, JS_ATTR_WRITABLE);
  for (int i = 0; i < 100; i++)
    {
      JsString *s = string_new_utf8 (rt, "element", -1);
      g_assert_nonnull (s);
      g_assert_cmpint (object_array_push (rt, a, js_string_value (s)), ==,
                       JS_PROP_DONE);
    }
  g_assert_cmpuint (object_array_length (a), ==, 100);
  g_assert_cmpint (js_get_int32 (get (&f, a, length)), ==, 100);
  collect (&f);
  g_assert_true (js_is_string (get (&f, a, js_key_from_index (99))));
  /* Writing past the end grows length. */
  put (&f, a, js_key_from_index (150), js_int32 (1));
  g_assert_cmpuint (object_array_length (a), ==, 151);
  /* A sparse index too. */
  put (&f, a, js_key_from_index (4000000000u), js_int32 (2));
  g_assert_cmpuint (object_array_length (a), ==, 4000000001u);
  g_assert_true (js_is_double (a->slots[0]));
  /* Shrinking deletes what lies beyond. */
  g_assert_cmpint (object_array_set_length (rt, a, 50), ==, JS_PROP_DONE);
  g_assert_cmpuint (object_array_length (a), ==, 50);
  g_assert_cmpuint (object_elem_len (a), ==, 50);
  g_assert_false (has_own (&f, a, js_key_from_index (4000000000u)));
  g_assert_false (has_own (&f, a, js_key_from_index (60)));
  /* Through [[Set]] of "length" as well. */
  put (&f, a, length, js_int32 (10));
  g_assert_cmpuint (object_array_length (a), ==, 10);
  /* A non-configurable element stops the shrinking above itself. */
  define (&f, a, js_key_from_index (7), js_int32 (7), JS_ATTR_WRITABLE);
  g_assert_cmpint (object_array_set_length (rt, a, 2), ==, JS_PROP_REJECTED);
  g_assert_cmpuint (object_array_length (a), ==, 8);
  g_assert_true (has_own (&f, a, js_key_from_index (6)));
  /* A read-only length. */
  define (&f, a, length, js_int32 (8), 0);
  g_assert_cmpint (object_array_push (rt, a, js_int32 (1)), ==,
                   JS_PROP_REJECTED);
  g_assert_cmpint (object_set (rt, a, length, js_int32 (3), &v), ==,
                   JS_SET_REJECTED);
  g_assert_cmpuint (object_array_length (a), ==, 8);
  put (&f, a, js_key_from_index (1), js_int32 (11));
  g_assert_cmpint (js_get_int32 (get (&f, a, js_key_from_index (1))), ==, 11);
  JsKey want[] = {
    js_key_from_index (0), js_key_from_index (1), js_key_from_index (2),
    js_key_from_index (3), js_key_from_index (4), js_key_from_index (5),
    js_key_from_index (6), js_key_from_index (7), length,
  };
  assert_keys (&f, a, JS_KEYS_ALL, want, G_N_ELEMENTS (want));
  fixture_done (&f);
}

static void
test_prevent_extensions_and_proto (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b");
  JsObject *o = new_obj (&f);
  put (&f, o, a, js_int32 (1));
  put (&f, o, js_key_from_index (0), js_int32 (0));
  g_assert_cmpint (object_prevent_extensions (f.rt, o), ==, JS_PROP_DONE);
  JsValue v;
  g_assert_cmpint (object_set (f.rt, o, b, js_int32 (2), &v), ==,
                   JS_SET_REJECTED);
  g_assert_cmpint (object_set (f.rt, o, js_key_from_index (1), js_int32 (2),
                               &v),
                   ==, JS_SET_REJECTED);
  put (&f, o, a, js_int32 (3));
  put (&f, o, js_key_from_index (0), js_int32 (4));
  g_assert_cmpint (js_get_int32 (get (&f, o, a)), ==, 3);
  g_assert_cmpint (object_set_proto (f.rt, o, NULL), ==, JS_PROP_REJECTED);
  /* Prototype changes, and cycles refused. */
  JsObject *p = new_obj (&f);
  JsObject *q = new_obj (&f);
  put (&f, p, b, js_int32 (5));
  g_assert_cmpint (object_set_proto (f.rt, q, (JsCell *) p), ==,
                   JS_PROP_DONE);
  g_assert_cmpint (js_get_int32 (get (&f, q, b)), ==, 5);
  g_assert_cmpint (object_set_proto (f.rt, p, (JsCell *) q), ==,
                   JS_PROP_REJECTED);
  g_assert_true (object_get_proto (q) == p);
  fixture_done (&f);
}

/* ------------------------------------------------------------------ */
/* A mixed workload, for GSCRIPT_GC_STRESS and heap verification       */
/* ------------------------------------------------------------------ */

static void
test_mixed_workload (void)
{
  Fixture f;
  fixture_init (&f);
  JsRuntime *rt = f.rt;
  int rounds = stressed () ? 300 : 3000;
  JsKey keys[12];
  for (int i = 0; i < 12; i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "w%d", i);
      keys[i] = key (&f, name);
    }
  JsObject *arr = hold (&f, object_new_array (rt, (JsCell *) f.proto, 0));
  GRand *rand = g_rand_new_with_seed (42);
  for (int r = 0; r < rounds; r++)
    {
      JsValue *saved = rt_save_roots (rt);
      JsObject *o = new_obj (&f);
      int nprops = g_rand_int_range (rand, 0, 12);
      for (int i = 0; i < nprops; i++)
        {
          char text[32];
          g_snprintf (text, sizeof text, "value %d.%d of the workload", r, i);
          JsString *s = string_new_utf8 (rt, text, -1);
          g_assert_nonnull (s);
          define (&f, o, keys[i], js_string_value (s), JS_ATTR_DEFAULT);
        }
      if (nprops > 2)
        g_assert_cmpint (object_delete (rt, o, keys[1]), ==, JS_PROP_DONE);
      if (r % 3 == 0)
        g_assert_cmpint (object_array_push (rt, arr, js_object_value (o)),
                         ==, JS_PROP_DONE);
      rt_restore_roots (rt, saved);
    }
  collect (&f);
  g_rand_free (rand);
  /* Every kept object still reads back what was written. */
  for (uint32_t i = 0; i < object_array_length (arr); i++)
    {
      JsObject *o = js_get_object (get (&f, arr, js_key_from_index (i)));
      int r = (int) i * 3;
      uint32_t n;
      JsKey *k = object_own_keys (rt, o, JS_KEYS_ALL, &n);
      for (uint32_t j = 0; j < n; j++)
        {
          int w = atoi ((const char *) string_latin1_chars (
                            atom_key_string (k[j]))
                        + 1);
          char text[32];
          g_snprintf (text, sizeof text, "value %d.%d of the workload", r, w);
          JsString *s = js_get_string (get (&f, o, k[j]));
          g_assert_true (string_equals_latin1 (s, (const uint8_t *) text,
                                               strlen (text)));
        }
      g_free (k);
    }
  fixture_done (&f);
}

/* ------------------------------------------------------------------ */
/* Write barriers, proved under incremental marking                    */
/* ------------------------------------------------------------------ */

/* Each test below starts an incremental cycle by hand and marks all that
 * is reachable, so every live cell is black; then it stores a cell that
 * was not reachable when the cycle started (white; rooted only from
 * then on, as the remark would see it) into a black one, drops the root,
 * and ends the cycle.  Verification re-marks from scratch and aborts if
 * the incremental marking missed the stored cell: without the barrier
 * under test, it does. */

static void
barrier_fixture_init (Fixture *f)
{
  fixture_init (f);
  /* The test drives the collector itself. */
  f->rt->heap.stress_every = 0;
  f->rt->heap.incremental_debug = false;
  f->rt->heap.verify = true;
}

/* Starts a cycle and marks everything reachable. */
static void
mark_all (Fixture *f)
{
  gc_incremental_start (&f->rt->heap);
  while (!gc_incremental_mark (&f->rt->heap, 1000))
    ;
}

/* Ends the cycle (a reason that keeps the incremental marks). */
static void
finish (Fixture *f)
{
  gc_collect (&f->rt->heap, JS_GC_REASON_ALLOCATION);
}

/* A fresh string nothing references: white once a cycle starts. */
static JsString *
white_string (Fixture *f, const char *text)
{
  JsString *s = string_new_utf8 (f->rt, text, -1);
  g_assert_nonnull (s);
  return s;
}

/* A store into o of a white value w. */
typedef void (*StoreOp) (Fixture *f, JsObject *o, JsValue w);

/* Runs op in a cycle of its own, so that no other barrier re-greys o
 * (or its storage) and hides a missing one. */
static void
in_cycle (Fixture *f, JsObject *o, StoreOp op)
{
  JsString *w = white_string (f, "a white string");
  mark_all (f);
  g_assert_false (js_cell_is_marked (w));
  JsValue *saved = rt_save_roots (f->rt);
  rt_push_root (f->rt, js_string_value (w));
  op (f, o, js_string_value (w));
  rt_restore_roots (f->rt, saved);
  finish (f);
  g_assert_true (heap_is_cell (&f->rt->heap, w));
}

static void
op_define_inline (Fixture *f, JsObject *o, JsValue w)
{
  define (f, o, key (f, "a"), w, JS_ATTR_DEFAULT);
}

static void
op_define_storage (Fixture *f, JsObject *o, JsValue w)
{
  define (f, o, key (f, "c"), w, JS_ATTR_DEFAULT);
}

static void
op_set_inline (Fixture *f, JsObject *o, JsValue w)
{
  put (f, o, key (f, "b"), w);
}

static void
op_set_storage (Fixture *f, JsObject *o, JsValue w)
{
  put (f, o, key (f, "d"), w);
}

static void
op_add (Fixture *f, JsObject *o, JsValue w)
{
  define (f, o, key (f, "added"), w, JS_ATTR_DEFAULT);
}

static void
op_element_define (Fixture *f, JsObject *a, JsValue w)
{
  define (f, a, js_key_from_index (0), w, JS_ATTR_DEFAULT);
}

static void
op_element_set (Fixture *f, JsObject *a, JsValue w)
{
  put (f, a, js_key_from_index (1), w);
}

static void
op_element_append (Fixture *f, JsObject *a, JsValue w)
{
  g_assert_cmpuint (object_elem_len (a), <, a->storage->elem_cap);
  g_assert_cmpint (object_array_push (f->rt, a, w), ==, JS_PROP_DONE);
}

static void
test_barrier_property_stores (void)
{
  Fixture f;
  barrier_fixture_init (&f);
  JsObject *o = new_obj (&f);
  const char *names[] = { "a", "b", "c", "d" };
  for (int i = 0; i < 4; i++)
    define (&f, o, key (&f, names[i]), JS_NULL, JS_ATTR_DEFAULT);
  g_assert_nonnull (o->storage);
  StoreOp ops[] = { op_define_inline, op_define_storage, op_set_inline,
                    op_set_storage, op_add };
  for (size_t i = 0; i < G_N_ELEMENTS (ops); i++)
    in_cycle (&f, o, ops[i]);
  JsObject *a = hold (&f, object_new_array (f.rt, (JsCell *) f.proto, 16));
  object_array_push (f.rt, a, JS_NULL);
  object_array_push (f.rt, a, JS_NULL);
  StoreOp eops[] = { op_element_define, op_element_set, op_element_append };
  for (size_t i = 0; i < G_N_ELEMENTS (eops); i++)
    in_cycle (&f, a, eops[i]);
  fixture_done (&f);
}

static void
test_barrier_new_shape_and_key (void)
{
  Fixture f;
  barrier_fixture_init (&f);
  JsObject *o = new_obj (&f);
  /* A key nothing holds: the new shape will be its only holder. */
  JsString *k = atom_intern_utf8 (f.rt, "a-fresh-key", -1);
  mark_all (&f);
  JsValue *saved = rt_save_roots (f.rt);
  rt_push_root (f.rt, js_string_value (k));
  define (&f, o, atom_key (k), js_int32 (1), JS_ATTR_DEFAULT);
  rt_restore_roots (f.rt, saved);
  finish (&f);
  g_assert_true (atom_find_latin1 (f.rt, (const uint8_t *) "a-fresh-key", 11)
                 == k);
  fixture_done (&f);
}

static void
test_barrier_dictionary_key (void)
{
  Fixture f;
  barrier_fixture_init (&f);
  JsObject *o = new_obj (&f);
  for (uint32_t i = 0; i <= JS_SHAPE_MAX_FAST_PROPERTIES; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "n%u", i);
      define (&f, o, key (&f, name), js_int32 (1), JS_ATTR_DEFAULT);
    }
  g_assert_true (shape_is_dictionary (o->shape));
  JsString *k = atom_intern_utf8 (f.rt, "a-dictionary-key", -1);
  mark_all (&f);
  JsValue *saved = rt_save_roots (f.rt);
  rt_push_root (f.rt, js_string_value (k));
  define (&f, o, atom_key (k), js_int32 (2), JS_ATTR_DEFAULT);
  rt_restore_roots (f.rt, saved);
  finish (&f);
  g_assert_cmpint (js_get_int32 (get (&f, o, atom_key (k))), ==, 2);
  fixture_done (&f);
}

/* The storage is replaced while the object is still grey: the copy, born
 * black, is the only holder of the old elements' values. */
static void
test_barrier_storage_copy (void)
{
  Fixture f;
  barrier_fixture_init (&f);
  JsValue *ro = rt_push_root (f.rt, JS_UNDEFINED);
  JsObject *a = object_new_array (f.rt, (JsCell *) f.proto, 1);
  *ro = js_object_value (a);
  object_array_push (f.rt, a, js_string_value (white_string (&f, "moved")));
  gc_incremental_start (&f.rt->heap);
  g_assert_true (js_cell_is_marked (a));
  g_assert_false (js_cell_is_marked (a->storage));
  g_assert_true (object_reserve (f.rt, a, 0, 1000));
  finish (&f);
  JsString *s = js_get_string (get (&f, a, js_key_from_index (0)));
  g_assert_true (heap_is_cell (&f.rt->heap, s));
  fixture_done (&f);
}

static void
test_barrier_delete_moves (void)
{
  Fixture f;
  barrier_fixture_init (&f);
  JsObject *o = new_obj (&f);
  JsKey keys[5];
  for (int i = 0; i < 5; i++)
    {
      char name[8];
      g_snprintf (name, sizeof name, "v%d", i);
      keys[i] = key (&f, name);
      define (&f, o, keys[i], JS_NULL, JS_ATTR_DEFAULT);
    }
  JsString *v = white_string (&f, "moves from storage into the cell");
  mark_all (&f);
  JsValue *saved = rt_save_roots (f.rt);
  rt_push_root (f.rt, js_string_value (v));
  /* v2 lives in the storage; deleting v1 moves it into the cell. */
  put (&f, o, keys[2], js_string_value (v));
  g_assert_cmpint (object_delete (f.rt, o, keys[1]), ==, JS_PROP_DONE);
  rt_restore_roots (f.rt, saved);
  finish (&f);
  g_assert_true (get (&f, o, keys[2]) == js_string_value (v));
  fixture_done (&f);
}

static void
test_barrier_accessor_and_proto (void)
{
  Fixture f;
  barrier_fixture_init (&f);
  JsObject *o = new_obj (&f);
  JsObject *big = new_obj (&f);
  for (uint32_t i = 0; i <= JS_SHAPE_MAX_FAST_PROPERTIES; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "n%u", i);
      define (&f, big, key (&f, name), js_int32 (1), JS_ATTR_DEFAULT);
    }
  JsString *g = white_string (&f, "a getter stand-in");
  JsObject *p = object_new_with_proto (f.rt, NULL, 0);
  g_assert_nonnull (p);
  mark_all (&f);
  JsValue *saved = rt_save_roots (f.rt);
  rt_push_root (f.rt, js_string_value (g));
  rt_push_root (f.rt, js_object_value (p));
  JsAccessorPair *pair = object_new_accessor (f.rt, js_string_value (g),
                                              JS_UNDEFINED);
  rt_push_cell (f.rt, pair);
  define (&f, o, key (&f, "acc"), js_cell_value (JS_TAG_INTERNAL, pair),
          JS_ATTR_ACCESSOR);
  /* A dictionary's prototype changes in place. */
  g_assert_cmpint (object_set_proto (f.rt, big, (JsCell *) p), ==,
                   JS_PROP_DONE);
  rt_restore_roots (f.rt, saved);
  finish (&f);
  g_assert_true (object_get_proto (big) == p);
  g_assert_true (heap_is_cell (&f.rt->heap, p));
  g_assert_true (heap_is_cell (&f.rt->heap, g));
  fixture_done (&f);
}

/* New cells are born black: whatever they point at must be traced. */
static void
test_barrier_new_cells (void)
{
  Fixture f;
  barrier_fixture_init (&f);
  JsObject *p = hold (&f, object_new_with_proto (f.rt, NULL, 0));
  /* A root shape only the weak root table holds (white), reused. */
  g_assert_nonnull (object_new_with_proto (f.rt, (JsCell *) p, 0));
  JsObject *q = object_new_with_proto (f.rt, NULL, 7);
  g_assert_nonnull (q);
  mark_all (&f);
  JsValue *saved = rt_save_roots (f.rt);
  rt_push_root (f.rt, js_object_value (q));
  JsObject *o1 = hold (&f, object_new_with_proto (f.rt, (JsCell *) p, 0));
  /* A new root shape whose prototype is white. */
  JsObject *o2 = object_new_with_proto (f.rt, (JsCell *) q, 0);
  rt_restore_roots (f.rt, saved);
  hold (&f, o2);
  finish (&f);
  g_assert_true (heap_is_cell (&f.rt->heap, o1->shape));
  g_assert_true (heap_is_cell (&f.rt->heap, o2->shape));
  g_assert_true (heap_is_cell (&f.rt->heap, q));
  fixture_done (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/object/sizes", test_sizes);
  g_test_add_func ("/object/shapes-shared", test_shapes_shared);
  g_test_add_func ("/object/shapes-swept", test_shapes_swept);
  g_test_add_func ("/object/define-get-set", test_define_get_set);
  g_test_add_func ("/object/accessors-and-read-only-protos",
                   test_accessors_and_read_only_protos);
  g_test_add_func ("/object/overflow-storage", test_overflow_storage);
  g_test_add_func ("/object/delete", test_delete);
  g_test_add_func ("/object/dictionary-mode", test_dictionary_mode);
  g_test_add_func ("/object/many-deletes-make-dictionary",
                   test_many_deletes_make_dictionary);
  g_test_add_func ("/object/ten-thousand-properties",
                   test_ten_thousand_properties);
  g_test_add_func ("/object/elements", test_elements);
  g_test_add_func ("/object/arrays", test_arrays);
  g_test_add_func ("/object/prevent-extensions-and-proto",
                   test_prevent_extensions_and_proto);
  g_test_add_func ("/object/mixed-workload", test_mixed_workload);
  g_test_add_func ("/object/barrier/property-stores",
                   test_barrier_property_stores);
  g_test_add_func ("/object/barrier/new-shape-and-key",
                   test_barrier_new_shape_and_key);
  g_test_add_func ("/object/barrier/dictionary-key",
                   test_barrier_dictionary_key);
  g_test_add_func ("/object/barrier/new-cells", test_barrier_new_cells);
  g_test_add_func ("/object/barrier/storage-copy", test_barrier_storage_copy);
  g_test_add_func ("/object/barrier/delete-moves", test_barrier_delete_moves);
  g_test_add_func ("/object/barrier/accessor-and-proto",
                   test_barrier_accessor_and_proto);
  return g_test_run ();
}
