/* builtins-map.c — Map, Set and their iterators.
 *
 * The tables are map.c's.  An iterator holds a table and an index into
 * it; when the collection rebuilds or clears its table, the iterator
 * follows the old table's successor on its next step (map_follow), so
 * iteration sees every entry added before it ends and none deleted
 * before it is reached, whatever the script does in between.  forEach
 * walks the same way.
 *
 * The constructor's loop (AddEntriesFromIterable) is shared with
 * WeakMap and WeakSet (builtins-weak.c).
 */
#include "config.h"

#include "map.h"

#include "jsstring.h"
#include "property.h"

#include <stddef.h>

/* An iterator over a Map or a Set.  One slot. */
typedef struct
{
  JsShape *shape;     /* header: an iterator shape of the realm */
  JsStorage *storage; /* properties, or NULL */
  JsMapTable *table;  /* where it is; NULL once done */
  uint32_t index;     /* the next entry to look at */
  uint32_t kind;      /* ITER_KEYS, ITER_VALUES or ITER_ENTRIES */
} JsMapIterator;

enum
{
  ITER_KEYS,
  ITER_VALUES,
  ITER_ENTRIES
};

static void
iterator_trace (JsTracer *trc, JsCell *cell)
{
  JsMapIterator *it = (JsMapIterator *) cell;
  gc_mark_cell (trc, (JsCell *) it->storage);
  gc_mark_cell (trc, (JsCell *) it->table);
}

static const JsCellClass map_iterator_class = {
  .name = "Map Iterator",
  .kind = JS_KIND_OBJECT,
  .trace = iterator_trace,
};

static const JsCellClass set_iterator_class = {
  .name = "Set Iterator",
  .kind = JS_KIND_OBJECT,
  .trace = iterator_trace,
};

/* this as a collection of class cls, or a TypeError naming the method. */
static bool
this_collection (const JsCallInfo *info, const JsCellClass *cls,
                 const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_object (t) && js_get_cell (t)->shape->cls == cls)
    return true;
  js_throw_type_error (info->ctx, "Method %s.prototype.%s called on "
                                  "incompatible receiver %s",
                       cls->name, method, realm_describe (info->ctx, t));
  return false;
}

/* A key as the table takes it: normalized, and flat if it is a string
 * (the table hashes and compares characters, and a rope of a size the
 * script chose may not flatten). */
static bool
prepare_key (JsContext *ctx, JsValue *key)
{
  *key = map_normalize_key (*key);
  if (js_is_string (*key) && !string_flatten (ctx->rt, js_get_string (*key)))
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  return true;
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */
/* ------------------------------------------------------------------ */

/* Closes an iterator after an error, keeping that error. */
static void
close_after_error (JsContext *ctx, JsValue iterator)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
  if (realm_iterator_close (ctx, iterator) < 0)
    js_take_exception (ctx);
  js_throw (ctx, *pe);
  rt_restore_roots (rt, saved);
}

JsValue
builtins_collection_construct (const JsCallInfo *info,
                               const JsCellClass *cls, size_t proto_offset)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Constructor %s requires 'new'",
                                cls->name);
  JsObject *proto = builtins_proto_from_ctor (ctx, info->new_target,
                                              proto_offset);
  if (!proto)
    return JS_EXCEPTION;
  JsObject *o = map_object_new (ctx, cls, proto);
  if (!o)
    return js_throw_out_of_memory (ctx);
  JsValue iterable = js_arg (info, 0);
  if (js_is_nullish (iterable))
    return js_object_value (o);
  bool pairs = cls == &js_map_class || cls == &js_weak_map_class;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsValue *args = rt->stack_top; /* key, value (or value) */
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *it = rt->stack_top;
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  JsKey adder_key = pairs ? atom_common_key (rt, JS_ATOM_set)
                          : atom_key_from_utf8 (rt, "add");
  if (adder_key == JS_KEY_NONE)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue adder = js_get (ctx, *po, adder_key);
  if (js_is_exception (adder))
    goto out;
  if (!js_is_callable (adder))
    {
      js_throw_type_error (ctx, "'%s' of the new %s is not a function",
                           pairs ? "set" : "add", cls->name);
      goto out;
    }
  JsValue *padder = rt_push_root (rt, adder);
  if (realm_get_iterator (ctx, js_arg (info, 0), it) < 0)
    goto out;
  for (;;)
    {
      bool done = false;
      JsValue item = realm_iterator_step (ctx, it, &done);
      if (js_is_exception (item))
        goto out;
      if (done)
        break;
      args[0] = item;
      if (pairs)
        {
          if (!js_is_object (item))
            {
              js_throw_type_error (ctx, "Iterator value %s is not an entry "
                                        "object",
                                   realm_describe (ctx, item));
              close_after_error (ctx, it[0]);
              goto out;
            }
          JsValue k = js_get (ctx, item, js_key_from_index (0));
          if (js_is_exception (k))
            {
              close_after_error (ctx, it[0]);
              goto out;
            }
          JsValue *pk = rt_push_root (rt, k);
          JsValue v = js_get (ctx, args[0], js_key_from_index (1));
          if (js_is_exception (v))
            {
              close_after_error (ctx, it[0]);
              goto out;
            }
          args[0] = *pk;
          args[1] = v;
          rt_restore_roots (rt, pk);
        }
      if (js_is_exception (js_call (ctx, *padder, *po, pairs ? 2 : 1, args)))
        {
          close_after_error (ctx, it[0]);
          goto out;
        }
    }
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
map_ctor (const JsCallInfo *info)
{
  return builtins_collection_construct (info, &js_map_class,
                                        offsetof (JsContext, map_proto));
}

static JsValue
set_ctor (const JsCallInfo *info)
{
  return builtins_collection_construct (info, &js_set_class,
                                        offsetof (JsContext, set_proto));
}

static JsValue
species_getter (const JsCallInfo *info)
{
  return *info->this_arg;
}

/* Map.groupBy (items, callback): the groups in order of their keys'
 * first appearance, which is a Map's own order. */
static JsValue
map_group_by (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue items = js_arg (info, 0);
  if (js_is_nullish (items))
    return js_throw_type_error (ctx, "Map.groupBy called on %s",
                                realm_describe (ctx, items));
  if (!js_is_callable (js_arg (info, 1)))
    return js_throw_type_error (ctx, "%s is not a function",
                                realm_describe (ctx, js_arg (info, 1)));
  JsObject *m = map_object_new (ctx, &js_map_class, ctx->map_proto);
  if (!m)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pm = rt_push_root (rt, js_object_value (m));
  JsValue *args = rt->stack_top; /* value, k */
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *it = rt->stack_top;
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *pkey = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (realm_get_iterator (ctx, items, it) < 0)
    goto out;
  for (double k = 0;; k++)
    {
      bool done = false;
      JsValue v = realm_iterator_step (ctx, it, &done);
      if (js_is_exception (v))
        goto out;
      if (done)
        break;
      args[0] = v;
      args[1] = js_number (k);
      JsValue key = js_call (ctx, js_arg (info, 1), JS_UNDEFINED, 2, args);
      if (js_is_exception (key))
        {
          close_after_error (ctx, it[0]);
          goto out;
        }
      *pkey = key;
      if (!prepare_key (ctx, pkey))
        goto out;
      JsMapTable *t = map_table_of (*pm);
      uint32_t i = map_find (rt, t, *pkey);
      JsObject *group;
      if (i != JS_MAP_NONE)
        group = js_get_object (map_entry (t, i)[1]);
      else
        {
          group = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
          if (!group
              || !map_set (ctx, *pm, *pkey, js_object_value (group)))
            {
              if (!group)
                js_throw_out_of_memory (ctx);
              goto out;
            }
        }
      if (object_array_push (rt, group, args[0]) != JS_PROP_DONE)
        {
          js_throw_out_of_memory (ctx);
          goto out;
        }
    }
  r = *pm;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Map.prototype and Set.prototype                                     */
/* ------------------------------------------------------------------ */

/* The methods shared by Map and Set take the class from magic. */
static const JsCellClass *
class_of_magic (int magic)
{
  return magic ? &js_set_class : &js_map_class;
}

static JsValue
collection_get (const JsCallInfo *info)
{
  if (!this_collection (info, &js_map_class, "get"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!prepare_key (info->ctx, &key))
    return JS_EXCEPTION;
  JsMapTable *t = map_table_of (*info->this_arg);
  uint32_t i = map_find (info->ctx->rt, t, key);
  return i == JS_MAP_NONE ? JS_UNDEFINED : map_entry (t, i)[1];
}

static JsValue
collection_has (const JsCallInfo *info)
{
  if (!this_collection (info, class_of_magic (info->magic), "has"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!prepare_key (info->ctx, &key))
    return JS_EXCEPTION;
  JsMapTable *t = map_table_of (*info->this_arg);
  return js_bool (map_find (info->ctx->rt, t, key) != JS_MAP_NONE);
}

/* Map.prototype.set (magic 0) and Set.prototype.add (magic 1). */
static JsValue
collection_set (const JsCallInfo *info)
{
  if (!this_collection (info, class_of_magic (info->magic),
                        info->magic ? "add" : "set"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!prepare_key (info->ctx, &key)
      || !map_set (info->ctx, *info->this_arg, key, js_arg (info, 1)))
    return JS_EXCEPTION;
  return *info->this_arg;
}

static JsValue
collection_delete (const JsCallInfo *info)
{
  if (!this_collection (info, class_of_magic (info->magic), "delete"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!prepare_key (info->ctx, &key))
    return JS_EXCEPTION;
  return js_bool (map_delete (info->ctx, *info->this_arg, key));
}

static JsValue
collection_clear (const JsCallInfo *info)
{
  if (!this_collection (info, class_of_magic (info->magic), "clear"))
    return JS_EXCEPTION;
  return map_clear (info->ctx, *info->this_arg) ? JS_UNDEFINED
                                                : JS_EXCEPTION;
}

static JsValue
collection_size (const JsCallInfo *info)
{
  if (!this_collection (info, class_of_magic (info->magic), "size"))
    return JS_EXCEPTION;
  return js_number (map_table_of (*info->this_arg)->size);
}

/* The next live entry at or after *index, following rebuilt tables;
 * NULL past the end. */
static JsValue *
next_entry (JsMapTable **t, uint32_t *index)
{
  *t = map_follow (*t, index);
  while (*index < (*t)->used && js_is_empty (map_entry (*t, *index)[0]))
    (*index)++;
  return *index < (*t)->used ? map_entry (*t, *index) : NULL;
}

static JsValue
collection_for_each (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!this_collection (info, class_of_magic (info->magic), "forEach"))
    return JS_EXCEPTION;
  JsValue fn = js_arg (info, 0);
  if (!js_is_callable (fn))
    return js_throw_type_error (ctx, "%s is not a function",
                                realm_describe (ctx, fn));
  JsValue *saved = rt_save_roots (rt);
  JsValue *pt = rt_push_cell (rt, map_table_of (*info->this_arg));
  JsValue *args = rt->stack_top; /* value, key, collection */
  for (int i = 0; i < 3; i++)
    rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_UNDEFINED;
  for (uint32_t index = 0;; index++)
    {
      JsMapTable *t = (JsMapTable *) js_get_cell (*pt);
      JsValue *e = next_entry (&t, &index);
      *pt = js_cell_value (JS_TAG_INTERNAL, t);
      if (!e)
        break;
      args[0] = e[t->width - 1];
      args[1] = e[0];
      args[2] = *info->this_arg;
      if (js_is_exception (js_call (ctx, js_arg (info, 0), js_arg (info, 1),
                                    3, args)))
        {
          r = JS_EXCEPTION;
          break;
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Iterators                                                           */
/* ------------------------------------------------------------------ */

/* entries, keys and values: magic is kind | (set ? 4 : 0). */
static JsValue
collection_iterate (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool set = info->magic & 4;
  int kind = info->magic & 3;
  static const char *const names[3] = { "keys", "values", "entries" };
  if (!this_collection (info, class_of_magic (set), names[kind]))
    return JS_EXCEPTION;
  const JsCellClass *cls = set ? &set_iterator_class : &map_iterator_class;
  JsObject *proto = set ? ctx->set_iterator_proto : ctx->map_iterator_proto;
  JsShape *s = shape_root_for (rt, cls, (JsCell *) proto, 0);
  if (!s)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, s);
  JsMapIterator *it = (JsMapIterator *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *it));
  rt_restore_roots (rt, saved);
  if (!it)
    return js_throw_out_of_memory (ctx);
  it->shape = s;
  it->storage = NULL;
  it->table = map_table_of (*info->this_arg);
  it->index = 0;
  it->kind = (uint32_t) kind;
  gc_write_barrier (&rt->heap, (JsCell *) it);
  return js_object_value ((JsObject *) it);
}

/* %MapIteratorPrototype%.next (magic 0) and %SetIteratorPrototype%.next
 * (magic 1). */
static JsValue
collection_iterator_next (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue t = *info->this_arg;
  const JsCellClass *cls = info->magic ? &set_iterator_class
                                       : &map_iterator_class;
  if (!js_is_object (t) || js_get_cell (t)->shape->cls != cls)
    return js_throw_type_error (ctx, "%s.prototype.next called on "
                                     "incompatible receiver %s",
                                cls->name, realm_describe (ctx, t));
  JsMapIterator *it = (JsMapIterator *) js_get_cell (t);
  if (!it->table)
    return builtins_iter_result (ctx, JS_UNDEFINED, true);
  JsMapTable *tab = it->table;
  uint32_t index = it->index;
  JsValue *e = next_entry (&tab, &index);
  if (!e)
    {
      it->table = NULL;
      return builtins_iter_result (ctx, JS_UNDEFINED, true);
    }
  it->table = tab;
  it->index = index + 1;
  gc_write_barrier (&rt->heap, (JsCell *) it);
  JsValue key = e[0], value = e[tab->width - 1];
  if (it->kind != ITER_ENTRIES)
    return builtins_iter_result (ctx, it->kind == ITER_KEYS ? key : value,
                                 false);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pk = rt_push_root (rt, key);
  JsValue *pv = rt_push_root (rt, value);
  JsObject *pair = object_new_array (rt, (JsCell *) ctx->array_proto, 2);
  JsValue r;
  if (pair)
    {
      JsValue *pp = rt_push_root (rt, js_object_value (pair));
      if (object_array_push (rt, pair, *pk) == JS_PROP_DONE
          && object_array_push (rt, pair, *pv) == JS_PROP_DONE)
        r = builtins_iter_result (ctx, *pp, false);
      else
        r = js_throw_out_of_memory (ctx);
    }
  else
    r = js_throw_out_of_memory (ctx);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The family                                                          */
/* ------------------------------------------------------------------ */

/* Defines o[@@toStringTag] = tag (configurable only). */
static bool
define_tag (JsContext *ctx, JsObject *o, const char *tag)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsString *s = atom_intern_utf8 (rt, tag, -1);
  bool ok = s && object_define_own (rt, o,
                                    symbol_key (rt->well_known
                                                    [JS_SYM_toStringTag]),
                                    js_string_value (s), JS_ATTR_CONFIGURABLE)
                     == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

/* o[to] = o[from], the same function (Map's @@iterator is entries). */
static bool
alias_method (JsContext *ctx, JsObject *o, const char *from, const char *to)
{
  JsRuntime *rt = ctx->rt;
  JsValue f;
  uint8_t attrs;
  JsKey kf = atom_key_from_utf8 (rt, from);
  if (kf == JS_KEY_NONE || !object_get_own (rt, o, kf, &f, &attrs))
    return false;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  rt_push_root (rt, f);
  JsKey kt = to[0] == '@' ? symbol_key (rt->well_known[JS_SYM_iterator])
                          : atom_key_from_utf8 (rt, to);
  bool ok = kt != JS_KEY_NONE
            && object_define_own (rt, o, kt, f,
                                  JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

static JsObject *
new_proto (JsContext *ctx, JsObject *parent)
{
  return object_new_with_proto (ctx->rt, (JsCell *) parent, 4);
}

bool
builtins_init_map (JsContext *ctx)
{
  static const JsMethodSpec map_methods[] = {
    { "clear", collection_clear, 0, 0 },
    { "delete", collection_delete, 1, 0 },
    { "entries", collection_iterate, 0, ITER_ENTRIES },
    { "forEach", collection_for_each, 1, 0 },
    { "get", collection_get, 1, 0 },
    { "has", collection_has, 1, 0 },
    { "keys", collection_iterate, 0, ITER_KEYS },
    { "set", collection_set, 2, 0 },
    { "values", collection_iterate, 0, ITER_VALUES },
  };
  static const JsMethodSpec set_methods[] = {
    { "add", collection_set, 1, 1 },
    { "clear", collection_clear, 0, 1 },
    { "delete", collection_delete, 1, 1 },
    { "entries", collection_iterate, 0, ITER_ENTRIES | 4 },
    { "forEach", collection_for_each, 1, 1 },
    { "has", collection_has, 1, 1 },
    { "values", collection_iterate, 0, ITER_VALUES | 4 },
  };
  static const JsMethodSpec map_statics[] = {
    { "groupBy", map_group_by, 2, 0 },
  };
  static const JsMethodSpec map_iter_methods[] = {
    { "next", collection_iterator_next, 0, 0 },
  };
  static const JsMethodSpec set_iter_methods[] = {
    { "next", collection_iterator_next, 0, 1 },
  };
  if (!map_init_shapes (ctx))
    return false;
  ctx->map_proto = new_proto (ctx, ctx->object_proto);
  ctx->set_proto = ctx->map_proto ? new_proto (ctx, ctx->object_proto)
                                  : NULL;
  ctx->map_iterator_proto = ctx->set_proto ? new_proto (ctx,
                                                        ctx->iterator_proto)
                                           : NULL;
  ctx->set_iterator_proto = ctx->map_iterator_proto
                                ? new_proto (ctx, ctx->iterator_proto)
                                : NULL;
  if (!ctx->set_iterator_proto)
    return false;
  JsObject *map = builtins_define_class (ctx, "Map", map_ctor, 0,
                                         ctx->map_proto, 0);
  if (!map
      || !builtins_define_methods (ctx, map, map_statics,
                                   G_N_ELEMENTS (map_statics))
      || !builtins_define_getter (ctx, map, "@@species", species_getter)
      || !builtins_define_methods (ctx, ctx->map_proto, map_methods,
                                   G_N_ELEMENTS (map_methods))
      || !builtins_define_getter (ctx, ctx->map_proto, "size",
                                  collection_size)
      || !alias_method (ctx, ctx->map_proto, "entries", "@@iterator")
      || !define_tag (ctx, ctx->map_proto, "Map"))
    return false;
  JsObject *set = builtins_define_class (ctx, "Set", set_ctor, 0,
                                         ctx->set_proto, 0);
  if (!set || !builtins_define_getter (ctx, set, "@@species", species_getter)
      || !builtins_define_methods (ctx, ctx->set_proto, set_methods,
                                   G_N_ELEMENTS (set_methods))
      || !builtins_define_getter (ctx, ctx->set_proto, "size",
                                  collection_size)
      || !alias_method (ctx, ctx->set_proto, "values", "keys")
      || !alias_method (ctx, ctx->set_proto, "values", "@@iterator")
      || !define_tag (ctx, ctx->set_proto, "Set"))
    return false;
  /* The size getter of Set must know its class: it is the one function
     whose magic the getter helper cannot set. */
  JsValue pair;
  uint8_t attrs;
  JsKey size = atom_key_from_utf8 (ctx->rt, "size");
  if (size == JS_KEY_NONE
      || !object_get_own (ctx->rt, ctx->set_proto, size, &pair, &attrs))
    return false;
  JsValue getter = ((JsAccessorPair *) js_get_cell (pair))->getter;
  ((JsNativeFunction *) js_get_cell (getter))->magic = 1;
  return builtins_define_methods (ctx, ctx->map_iterator_proto,
                                  map_iter_methods, 1)
         && define_tag (ctx, ctx->map_iterator_proto, "Map Iterator")
         && builtins_define_methods (ctx, ctx->set_iterator_proto,
                                     set_iter_methods, 1)
         && define_tag (ctx, ctx->set_iterator_proto, "Set Iterator");
}
