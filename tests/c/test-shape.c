/* test-shape.c — the transition tree, property tables and dictionaries.
 *
 * Shapes, keys and the like are held on the runtime's root stack, so the
 * tests run unchanged under GSCRIPT_GC_STRESS=1 and under incremental
 * marking with heap verification.
 */
#include "config.h"

#include "atom.h"
#include "object.h"
#include "shape.h"

typedef struct
{
  JsRuntime *rt;
  JsShape *root; /* an object root shape, rooted */
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->rt = runtime_new ();
  g_assert_nonnull (f->rt);
  f->root = shape_new_root (f->rt, &js_object_class, NULL, 2);
  g_assert_nonnull (f->root);
  rt_push_cell (f->rt, f->root);
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

/* A string key, rooted for the rest of the test. */
static JsKey
key (Fixture *f, const char *name)
{
  JsKey k = atom_key_from_utf8 (f->rt, name);
  g_assert_true (k != JS_KEY_NONE);
  if (!js_key_is_index (k))
    rt_push_cell (f->rt, js_key_cell (k));
  return k;
}

/* s, rooted for the rest of the test. */
static JsShape *
hold (Fixture *f, JsShape *s)
{
  g_assert_nonnull (s);
  rt_push_cell (f->rt, s);
  return s;
}

static JsShape *
add (Fixture *f, JsShape *s, JsKey k, uint8_t attrs)
{
  return hold (f, shape_add_property (f->rt, s, k, attrs));
}

static void
assert_slot (JsShape *s, JsKey k, uint32_t slot, uint8_t attrs)
{
  uint32_t got;
  uint8_t a;
  g_assert_true (shape_lookup (s, k, &got, &a));
  g_assert_cmpuint (got, ==, slot);
  g_assert_cmpuint (a, ==, attrs);
}

static void
assert_absent (JsShape *s, JsKey k)
{
  uint32_t got;
  uint8_t a;
  g_assert_false (shape_lookup (s, k, &got, &a));
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

/* ------------------------------------------------------------------ */

static void
test_transitions_shared (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b");
  JsShape *ab = add (&f, add (&f, f.root, a, JS_ATTR_DEFAULT), b,
                     JS_ATTR_DEFAULT);
  JsShape *ab2 = add (&f, add (&f, f.root, a, JS_ATTR_DEFAULT), b,
                      JS_ATTR_DEFAULT);
  g_assert_true (ab == ab2);
  JsShape *ba = add (&f, add (&f, f.root, b, JS_ATTR_DEFAULT), a,
                     JS_ATTR_DEFAULT);
  g_assert_true (ba != ab);
  JsShape *ab_ro = add (&f, add (&f, f.root, a, JS_ATTR_DEFAULT), b,
                        JS_ATTR_ENUMERABLE);
  g_assert_true (ab_ro != ab);
  g_assert_true (ab_ro->parent == ab->parent);
  assert_slot (ab, a, 0, JS_ATTR_DEFAULT);
  assert_slot (ab, b, 1, JS_ATTR_DEFAULT);
  assert_slot (ba, a, 1, JS_ATTR_DEFAULT);
  assert_slot (ab_ro, b, 1, JS_ATTR_ENUMERABLE);
  assert_absent (ab->parent, b);
  assert_absent (f.root, a);
  g_assert_cmpuint (ab->count, ==, 2);
  g_assert_true (ab->proto == f.root->proto && ab->cls == f.root->cls);
  fixture_done (&f);
}

/* A chain of 10,000 properties: building it and looking every key up is
 * linear in all, and each lookup takes about one probe. */
static void
test_lookup_is_constant_time (void)
{
  Fixture f;
  fixture_init (&f);
  const uint32_t n = 10000;
  JsShape **chain = g_new (JsShape *, n + 1);
  JsKey *keys = g_new (JsKey, n);
  chain[0] = f.root;
  JsValue *tip = rt_push_cell (f.rt, f.root);
  for (uint32_t i = 0; i < n; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "p%u", i);
      /* The chain keeps its keys alive: only the tip is rooted. */
      JsValue *saved = rt_save_roots (f.rt);
      keys[i] = key (&f, name);
      chain[i + 1] = shape_add_property (f.rt, chain[i], keys[i],
                                         JS_ATTR_DEFAULT);
      g_assert_nonnull (chain[i + 1]);
      rt_restore_roots (f.rt, saved);
      *tip = js_cell_value (JS_TAG_INTERNAL, chain[i + 1]);
    }
  JsShape *last = chain[n];
  collect (&f);
  for (uint32_t i = 0; i < n; i++)
    assert_slot (last, keys[i], i, JS_ATTR_DEFAULT);
  JsShapeTable *t = last->table;
  g_assert_nonnull (t);
  /* One table serves the whole chain. */
  g_assert_true (chain[1]->table == t && chain[n / 2]->table == t);
  g_assert_cmpuint (t->walk_steps, <=, n);
  uint64_t lookups = t->lookups, probes = t->probes;
  /* Lookups in shapes along the chain: present and absent keys. */
  for (uint32_t i = 0; i < n; i++)
    {
      JsShape *s = chain[(i * 7919u) % n + 1];
      if (i < s->count)
        assert_slot (s, keys[i], i, JS_ATTR_DEFAULT);
      else
        assert_absent (s, keys[i]);
    }
  lookups = t->lookups - lookups;
  probes = t->probes - probes;
  g_test_message ("%" G_GUINT64_FORMAT " lookups, %" G_GUINT64_FORMAT
                  " probes", lookups, probes);
  g_assert_cmpuint (lookups, ==, n);
  g_assert_cmpuint (probes, <, 2 * lookups);
  g_assert_cmpuint (t->probes, <, 2 * t->lookups);
  g_free (chain);
  g_free (keys);
  fixture_done (&f);
}

static void
test_branch_tables (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b"), c = key (&f, "c");
  JsKey d = key (&f, "d"), e = key (&f, "e");
  JsShape *s_ab = add (&f, add (&f, f.root, a, JS_ATTR_DEFAULT), b,
                       JS_ATTR_DEFAULT);
  JsShape *s_abc = add (&f, s_ab, c, JS_ATTR_DEFAULT);
  /* A second branch from ab: it cannot append to the shared table. */
  JsShape *s_abd = add (&f, s_ab, d, JS_ATTR_DEFAULT);
  JsShape *s_abde = add (&f, s_abd, e, JS_ATTR_DEFAULT);
  assert_slot (s_abde, e, 3, JS_ATTR_DEFAULT);
  assert_slot (s_abde, d, 2, JS_ATTR_DEFAULT);
  assert_absent (s_abde, c);
  assert_slot (s_abc, c, 2, JS_ATTR_DEFAULT);
  assert_absent (s_abc, d);
  g_assert_true (s_abde->table != s_abc->table);
  g_assert_true (s_abd->table == s_abde->table);
  assert_absent (s_ab, c);
  assert_absent (s_ab, d);
  assert_slot (s_ab, b, 1, JS_ATTR_DEFAULT);
  fixture_done (&f);
}

static void
test_unreachable_shapes_swept (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a");
  JsShape *kept = add (&f, f.root, a, JS_ATTR_DEFAULT);
  collect (&f);
  size_t base = count_shapes (&f);
  JsValue *saved = rt_save_roots (f.rt);
  JsShape *s = kept;
  for (int i = 0; i < 50; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "k%d", i);
      s = add (&f, s, key (&f, name), JS_ATTR_DEFAULT);
    }
  for (int i = 0; i < 30; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "sib%d", i);
      add (&f, kept, key (&f, name), JS_ATTR_DEFAULT);
    }
  collect (&f);
  g_assert_cmpuint (count_shapes (&f), ==, base + 80);
  rt_restore_roots (f.rt, saved);
  collect (&f);
  g_assert_cmpuint (count_shapes (&f), ==, base);
  /* The dead children left kept's transitions: the same keys make new
     shapes, and looking them up finds no stale pointer. */
  g_assert_true (heap_is_cell (&f.rt->heap, kept));
  JsShape *again = add (&f, kept, key (&f, "sib3"), JS_ATTR_DEFAULT);
  g_assert_true (heap_is_cell (&f.rt->heap, again));
  g_assert_true (again->parent == kept);
  assert_slot (again, a, 0, JS_ATTR_DEFAULT);
  collect (&f);
  g_assert_true (add (&f, kept, key (&f, "sib3"), JS_ATTR_DEFAULT) == again);
  fixture_done (&f);
}

static void
test_many_children (void)
{
  Fixture f;
  fixture_init (&f);
  const int n = 100;
  JsShape *kids[100];
  JsValue *saved = rt_save_roots (f.rt);
  JsValue *slots = rt_push_root (f.rt, JS_UNDEFINED);
  for (int i = 1; i < n; i++)
    rt_push_root (f.rt, JS_UNDEFINED);
  for (int i = 0; i < n; i++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "c%d", i);
      JsValue *mark = rt_save_roots (f.rt);
      kids[i] = shape_add_property (f.rt, f.root, key (&f, name),
                                    i % 3 ? JS_ATTR_DEFAULT : 0);
      rt_restore_roots (f.rt, mark);
      slots[i] = js_cell_value (JS_TAG_INTERNAL, kids[i]);
    }
  for (int i = 0; i < n; i++)
    g_assert_true (shape_add_property (f.rt, f.root, kids[i]->key,
                                       kids[i]->attrs)
                   == kids[i]);
  /* Let the odd ones die; the even ones are still found. */
  for (int i = 1; i < n; i += 2)
    slots[i] = JS_UNDEFINED;
  collect (&f);
  for (int i = 0; i < n; i += 2)
    {
      g_assert_true (shape_add_property (f.rt, f.root, kids[i]->key,
                                         kids[i]->attrs)
                     == kids[i]);
      g_assert_true (heap_is_cell (&f.rt->heap, kids[i]));
    }
  rt_restore_roots (f.rt, saved);
  collect (&f);
  fixture_done (&f);
}

static void
test_delete (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b"), c = key (&f, "c");
  JsShape *s_a = add (&f, f.root, a, JS_ATTR_DEFAULT);
  JsShape *s_ab = add (&f, s_a, b, JS_ATTR_DEFAULT);
  JsShape *s_abc = add (&f, s_ab, c, JS_ATTR_DEFAULT);
  uint32_t slot;
  /* The newest property: back to the parent. */
  g_assert_true (shape_delete_property (f.rt, s_abc, c, &slot) == s_ab);
  g_assert_cmpuint (slot, ==, 2);
  /* One in the middle: a branch replayed from a, shared with an object
     built as {a, c}. */
  JsShape *s_ac = hold (&f, shape_delete_property (f.rt, s_abc, b, &slot));
  g_assert_cmpuint (slot, ==, 1);
  g_assert_false (shape_is_dictionary (s_ac));
  g_assert_true (s_ac == add (&f, s_a, c, JS_ATTR_DEFAULT));
  assert_slot (s_ac, c, 1, JS_ATTR_DEFAULT);
  assert_absent (s_ac, b);
  /* Absent keys change nothing. */
  g_assert_true (shape_delete_property (f.rt, s_ac, b, &slot) == s_ac);
  g_assert_cmpuint (slot, ==, UINT32_MAX);
  fixture_done (&f);
}

static JsShape *
build (Fixture *f, int n, const char *prefix)
{
  JsShape *s = f->root;
  for (int i = 0; i < n; i++)
    {
      char name[32];
      g_snprintf (name, sizeof name, "%s%d", prefix, i);
      s = add (f, s, key (f, name), JS_ATTR_DEFAULT);
    }
  return s;
}

static void
test_delete_in_large_shape_makes_dictionary (void)
{
  Fixture f;
  fixture_init (&f);
  JsShape *s = build (&f, JS_SHAPE_REBUILD_MAX + 1, "p");
  JsKey p3 = key (&f, "p3"), p4 = key (&f, "p4");
  uint32_t slot;
  JsShape *d = hold (&f, shape_delete_property (f.rt, s, p3, &slot));
  g_assert_true (shape_is_dictionary (d));
  g_assert_cmpuint (slot, ==, 3);
  assert_absent (d, p3);
  /* The others keep their slots. */
  assert_slot (d, p4, 4, JS_ATTR_DEFAULT);
  assert_slot (d, key (&f, "p16"), 16, JS_ATTR_DEFAULT);
  /* The original shape is untouched. */
  assert_slot (s, p3, 3, JS_ATTR_DEFAULT);
  fixture_done (&f);
}

static void
test_change_attrs (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b"), c = key (&f, "c");
  JsShape *s_a = add (&f, f.root, a, JS_ATTR_DEFAULT);
  JsShape *s_ab = add (&f, s_a, b, JS_ATTR_DEFAULT);
  JsShape *s_abc = add (&f, s_ab, c, JS_ATTR_DEFAULT);
  /* The newest: a sibling. */
  JsShape *ro_c = hold (&f, shape_change_attrs (f.rt, s_abc, c, 0));
  g_assert_true (ro_c->parent == s_ab);
  assert_slot (ro_c, c, 2, 0);
  /* In the middle: replayed, and shared with the same built directly. */
  JsShape *ro_b = hold (&f, shape_change_attrs (f.rt, s_abc, b,
                                                JS_ATTR_ENUMERABLE));
  g_assert_true (ro_b
                 == add (&f, add (&f, s_a, b, JS_ATTR_ENUMERABLE), c,
                         JS_ATTR_DEFAULT));
  assert_slot (ro_b, b, 1, JS_ATTR_ENUMERABLE);
  assert_slot (ro_b, c, 2, JS_ATTR_DEFAULT);
  g_assert_true (shape_change_attrs (f.rt, s_abc, a, JS_ATTR_DEFAULT)
                 == s_abc);
  /* In a large shape: a dictionary, edited in place from then on. */
  JsShape *big = build (&f, JS_SHAPE_REBUILD_MAX + 4, "q");
  JsKey q1 = key (&f, "q1");
  JsShape *d = hold (&f, shape_change_attrs (f.rt, big, q1, 0));
  g_assert_true (shape_is_dictionary (d));
  assert_slot (d, q1, 1, 0);
  g_assert_true (shape_change_attrs (f.rt, d, q1, JS_ATTR_WRITABLE) == d);
  assert_slot (d, q1, 1, JS_ATTR_WRITABLE);
  assert_slot (big, q1, 1, JS_ATTR_DEFAULT);
  fixture_done (&f);
}

static void
test_prevent_extensions (void)
{
  Fixture f;
  fixture_init (&f);
  JsKey a = key (&f, "a"), b = key (&f, "b");
  JsShape *s_ab = add (&f, add (&f, f.root, a, JS_ATTR_DEFAULT), b,
                       JS_ATTR_DEFAULT);
  JsShape *ne = hold (&f, shape_prevent_extensions (f.rt, s_ab));
  g_assert_false (shape_is_extensible (ne));
  g_assert_true (shape_is_extensible (s_ab));
  g_assert_true (shape_prevent_extensions (f.rt, s_ab) == ne);
  g_assert_true (shape_prevent_extensions (f.rt, ne) == ne);
  g_assert_cmpuint (ne->count, ==, 2);
  assert_slot (ne, a, 0, JS_ATTR_DEFAULT);
  assert_slot (ne, b, 1, JS_ATTR_DEFAULT);
  /* Freezing a's attributes keeps the object non-extensible. */
  JsShape *fa = hold (&f, shape_change_attrs (f.rt, ne, a, 0));
  g_assert_false (shape_is_extensible (fa));
  assert_slot (fa, a, 0, 0);
  assert_slot (fa, b, 1, JS_ATTR_DEFAULT);
  /* And so does deleting. */
  uint32_t slot;
  JsShape *nb = hold (&f, shape_delete_property (f.rt, ne, a, &slot));
  g_assert_false (shape_is_extensible (nb));
  assert_slot (nb, b, 0, JS_ATTR_DEFAULT);
  /* A root can be made non-extensible too. */
  JsShape *nr = hold (&f, shape_prevent_extensions (f.rt, f.root));
  g_assert_false (shape_is_extensible (nr));
  assert_absent (nr, a);
  fixture_done (&f);
}

static void
test_set_proto (void)
{
  Fixture f;
  fixture_init (&f);
  JsObject *proto = object_new (f.rt, f.root);
  rt_push_root (f.rt, js_object_value (proto));
  JsKey a = key (&f, "a"), b = key (&f, "b");
  JsShape *s = add (&f, add (&f, f.root, a, JS_ATTR_DEFAULT), b, 0);
  JsShape *p = hold (&f, shape_set_proto (f.rt, s, (JsCell *) proto));
  g_assert_true (p->proto == (JsCell *) proto);
  assert_slot (p, a, 0, JS_ATTR_DEFAULT);
  assert_slot (p, b, 1, 0);
  /* The same as building on the root for that prototype. */
  JsShape *r = hold (&f, shape_root_for (f.rt, &js_object_class,
                                         (JsCell *) proto, 2));
  g_assert_true (p == add (&f, add (&f, r, a, JS_ATTR_DEFAULT), b, 0));
  g_assert_true (shape_root_for (f.rt, &js_object_class, (JsCell *) proto, 2)
                 == r);
  /* Large shapes become dictionaries instead. */
  JsShape *big = build (&f, JS_SHAPE_REPLAY_MAX + 1, "x");
  JsShape *d = hold (&f, shape_set_proto (f.rt, big, (JsCell *) proto));
  g_assert_true (shape_is_dictionary (d) && d->proto == (JsCell *) proto);
  assert_slot (d, key (&f, "x64"), 64, JS_ATTR_DEFAULT);
  g_assert_true (shape_set_proto (f.rt, d, NULL) == d);
  g_assert_null (d->proto);
  fixture_done (&f);
}

static void
test_dictionary (void)
{
  Fixture f;
  fixture_init (&f);
  JsShape *s = build (&f, 3, "d");
  JsShape *d = hold (&f, shape_to_dictionary (f.rt, s));
  g_assert_true (shape_is_dictionary (d));
  g_assert_true (shape_to_dictionary (f.rt, d) == d);
  JsKey d1 = key (&f, "d1");
  uint32_t slot;
  g_assert_true (shape_delete_property (f.rt, d, d1, &slot) == d);
  g_assert_cmpuint (slot, ==, 1);
  /* The freed slot is the next one given. */
  g_assert_cmpuint (shape_dict_next_slot (d), ==, 1);
  JsValue *saved = rt_save_roots (f.rt);
  JsKey fresh = key (&f, "made-for-the-dictionary");
  g_assert_cmpuint (shape_dict_add (f.rt, d, fresh, 0), ==, 1);
  g_assert_cmpuint (shape_dict_next_slot (d), ==, 3);
  rt_restore_roots (f.rt, saved);
  /* Only the dictionary's table holds that atom now: it survives. */
  collect (&f);
  JsString *atom = atom_find_latin1 (
      f.rt, (const uint8_t *) "made-for-the-dictionary", 23);
  g_assert_true (atom && atom_key (atom) == fresh);
  assert_slot (d, fresh, 1, 0);
  /* Many deletes and adds: slots are reused, the table stays small. */
  for (int round = 0; round < 50; round++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "r%d", round);
      JsValue *mark = rt_save_roots (f.rt);
      JsKey k = key (&f, name);
      uint32_t s1 = shape_dict_add (f.rt, d, k, JS_ATTR_DEFAULT);
      g_assert_cmpuint (s1, ==, 3);
      g_assert_true (shape_delete_property (f.rt, d, k, &slot) == d);
      g_assert_cmpuint (slot, ==, 3);
      rt_restore_roots (f.rt, mark);
    }
  g_assert_cmpuint (d->count, ==, 4);
  g_assert_cmpuint (d->table->len, <, 20);
  assert_slot (d, fresh, 1, 0);
  assert_slot (d, key (&f, "d2"), 2, JS_ATTR_DEFAULT);
  fixture_done (&f);
}

static void
test_own_keys_order (void)
{
  Fixture f;
  fixture_init (&f);
  JsValue *saved = rt_save_roots (f.rt);
  JsSymbol *sym1 = symbol_new (f.rt, NULL);
  rt_push_root (f.rt, js_symbol_value (sym1));
  JsSymbol *sym2 = symbol_new (f.rt, NULL);
  rt_push_root (f.rt, js_symbol_value (sym2));
  JsSymbol *priv = symbol_new (f.rt, NULL);
  rt_push_root (f.rt, js_symbol_value (priv));
  priv->flags |= JS_SYMBOL_PRIVATE;
  JsKey z = key (&f, "z"), a = key (&f, "a"), m = key (&f, "m");
  JsKey i10 = js_key_from_index (10), i2 = js_key_from_index (2);
  JsShape *s = f.root;
  s = add (&f, s, symbol_key (sym2), JS_ATTR_DEFAULT);
  s = add (&f, s, z, JS_ATTR_DEFAULT);
  s = add (&f, s, i10, JS_ATTR_DEFAULT);
  s = add (&f, s, symbol_key (priv), JS_ATTR_DEFAULT);
  s = add (&f, s, a, 0);
  s = add (&f, s, symbol_key (sym1), JS_ATTR_DEFAULT);
  s = add (&f, s, i2, JS_ATTR_DEFAULT);
  s = add (&f, s, m, JS_ATTR_DEFAULT);
  g_assert_true (s->flags & JS_SHAPE_HAS_INDEXED);
  uint32_t n;
  JsKey *k = shape_own_keys (s, JS_KEYS_ALL, &n);
  JsKey want[] = { i2, i10, z, a, m, symbol_key (sym2), symbol_key (sym1) };
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (want));
  for (uint32_t i = 0; i < n; i++)
    g_assert_true (k[i] == want[i]);
  g_free (k);
  k = shape_own_keys (s, JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY, &n);
  JsKey want2[] = { i2, i10, z, m };
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (want2));
  for (uint32_t i = 0; i < n; i++)
    g_assert_true (k[i] == want2[i]);
  g_free (k);
  k = shape_own_keys (s, JS_KEYS_PRIVATE, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (k[0] == symbol_key (priv));
  g_free (k);
  /* A dictionary keeps the order, deleted keys leave it. */
  JsShape *d = hold (&f, shape_to_dictionary (f.rt, s));
  uint32_t slot;
  shape_delete_property (f.rt, d, z, &slot);
  shape_dict_add (f.rt, d, z, JS_ATTR_DEFAULT);
  k = shape_own_keys (d, JS_KEYS_STRINGS, &n);
  JsKey want3[] = { i2, i10, a, m, z };
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (want3));
  for (uint32_t i = 0; i < n; i++)
    g_assert_true (k[i] == want3[i]);
  g_free (k);
  rt_restore_roots (f.rt, saved);
  fixture_done (&f);
}

static void
test_tables_counted_as_unmanaged (void)
{
  Fixture f;
  fixture_init (&f);
  collect (&f);
  int64_t before = f.rt->heap.unmanaged_bytes;
  JsValue *saved = rt_save_roots (f.rt);
  JsShape *s = build (&f, 200, "u");
  g_assert_cmpint (f.rt->heap.unmanaged_bytes, >, before + 200 * 16);
  hold (&f, shape_to_dictionary (f.rt, s));
  rt_restore_roots (f.rt, saved);
  collect (&f);
  g_assert_cmpint (f.rt->heap.unmanaged_bytes, ==, before);
  fixture_done (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shape/transitions-shared", test_transitions_shared);
  g_test_add_func ("/shape/lookup-is-constant-time",
                   test_lookup_is_constant_time);
  g_test_add_func ("/shape/branch-tables", test_branch_tables);
  g_test_add_func ("/shape/unreachable-swept", test_unreachable_shapes_swept);
  g_test_add_func ("/shape/many-children", test_many_children);
  g_test_add_func ("/shape/delete", test_delete);
  g_test_add_func ("/shape/delete-large-makes-dictionary",
                   test_delete_in_large_shape_makes_dictionary);
  g_test_add_func ("/shape/change-attrs", test_change_attrs);
  g_test_add_func ("/shape/prevent-extensions", test_prevent_extensions);
  g_test_add_func ("/shape/set-proto", test_set_proto);
  g_test_add_func ("/shape/dictionary", test_dictionary);
  g_test_add_func ("/shape/own-keys-order", test_own_keys_order);
  g_test_add_func ("/shape/tables-unmanaged", test_tables_counted_as_unmanaged);
  (void) stressed;
  return g_test_run ();
}
