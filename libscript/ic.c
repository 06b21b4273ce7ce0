/* ic.c — inline caches: the miss paths that fill them, their
 * polymorphic entries, their weak clearing, and gscript.ic.stats.
 *
 * The interpreter answers a lookup from entry 0 when it can and comes
 * here otherwise.  Entry 0 and the side array (JsIC.more) hold entries
 * of the same form; ic.h says how a cache moves from uninitialised to
 * monomorphic, polymorphic and megamorphic.
 *
 * Loads cache (receiver shape → own slot) or (receiver shape →
 * prototype holder and slot) guarded by the prototype epoch, which moves
 * whenever any object used as a prototype changes its layout.  Stores
 * cache (shape → slot) or a transition (shape → new shape and slot),
 * valid while no prototype changes (a setter or read-only property could
 * appear).  Loads from strings, numbers and booleans key on the prototype
 * their properties come from; sites that went megamorphic share one
 * runtime-wide table keyed on (shape, key).  Calls record their callee's
 * code (the statistics tell monomorphic call sites from the others), and
 * entry 0 remembers the closure called last, which the interpreter then
 * calls without looking at its class.
 *
 * Statistics.  While gscript.ic.stats is on, each execution of a cached
 * instruction counts in a per-code array (JsCode.ic_stats), made on first
 * use.  Code that dies folds its counters into per-kind totals and keeps
 * its worst sites by name, so the summary printed when the runtime goes
 * covers everything that ran.
 */
#include "config.h"

#include "ic.h"

#include "compiler.h"
#include "function.h"
#include "ops.h"
#include "property.h"
#include "realm.h"

#include <stdlib.h>

/* ------------------------------------------------------------------ */
/* Entries                                                             */
/* ------------------------------------------------------------------ */

/* Entry i of ic: 0 in place, the others in the side array. */
static inline JsICEntry *
ic_entry (JsIC *ic, uint32_t i)
{
  return i == 0 ? (JsICEntry *) ic : &ic->more[i - 1];
}

static inline uint32_t
ic_count (const JsIC *ic)
{
  if (ic->state == JS_IC_UNINIT || ic->state == JS_IC_MEGA)
    return 0;
  return 1 + ic->n_more;
}

static void
ic_go_megamorphic (JsIC *ic)
{
  memset (ic, 0, offsetof (JsIC, state));
  g_free (ic->more);
  ic->more = NULL;
  ic->n_more = 0;
  ic->state = JS_IC_MEGA;
}

/* The entry to fill for key cell `first` (a shape or a call target): the
 * one that already has it, else a new one, or NULL when the cache is
 * (or just went) megamorphic. */
static JsICEntry *
ic_slot_for (JsIC *ic, JsCell *first)
{
  if (ic->state == JS_IC_MEGA)
    return NULL;
  uint32_t n = ic_count (ic);
  for (uint32_t i = 0; i < n; i++)
    if (ic_entry (ic, i)->target == first)
      return ic_entry (ic, i);
  if (n == 0)
    {
      ic->state = JS_IC_MONO;
      return (JsICEntry *) ic;
    }
  if (n == JS_IC_POLY_MAX)
    {
      ic_go_megamorphic (ic);
      return NULL;
    }
  if (!ic->more)
    ic->more = g_new0 (JsICEntry, JS_IC_POLY_MAX - 1);
  ic->state = JS_IC_POLY;
  return &ic->more[ic->n_more++];
}

/* ------------------------------------------------------------------ */
/* Property loads                                                      */
/* ------------------------------------------------------------------ */

/* Whether o's [[Get]] of the named key is the ordinary one: not an
 * exotic object (a String object only for its indices and length), and
 * not one that makes properties when a lookup misses. */
static bool
ordinary_get (JsContext *ctx, JsObject *o, JsKey key)
{
  const JsCellClass *cls = o->shape->cls;
  if (!(cls->flags & (JS_CLASS_EXOTIC | JS_CLASS_RESOLVE)))
    return true;
  return cls == &js_string_wrapper_class
         && key != atom_common_key (ctx->rt, JS_ATOM_length);
}

/* How a load of key can be cached: *e gets an entry keyed on `first`.
 * The receiver is the object o, or, when primitive, a string, number or
 * boolean whose properties come from o, its prototype.  The entry reads
 * an own slot of the receiver, or a holder's slot guarded by the
 * prototype epoch: a holder further up the chain, or the receiver itself
 * when it is a prototype (a dictionary whose changes move the epoch).
 * False when the load cannot be cached (an accessor, an exotic object,
 * an ordinary dictionary).  May allocate: the objects of the chain up to
 * the holder become guarded prototypes. */
static bool
plan_load (JsContext *ctx, JsObject *o, bool primitive, JsKey key,
           JsICEntry *e)
{
  JsRuntime *rt = ctx->rt;
  JsShape *shape = o->shape;
  uint32_t slot;
  uint8_t attrs;
  JsObject *p = o;
  if (!primitive)
    {
      bool proto_dict = (shape->flags & JS_SHAPE_PROTOTYPE) != 0;
      if ((shape_is_dictionary (shape) && !proto_dict)
          || (shape->flags & JS_SHAPE_LAZY))
        return false;
      if (shape_lookup (shape, key, &slot, &attrs))
        {
          /* An own accessor is cached only on a guarded dictionary: its
             shape is that one object's, so the object can be the entry's
             holder (a module object's names, GJS's importer). */
          if ((attrs & JS_ATTR_ACCESSOR) && proto_dict)
            {
              *e = (JsICEntry){ .shape = shape,
                                .holder = o,
                                .slot = ic_encode_slot (shape, slot)
                                        | JS_IC_SLOT_GETTER,
                                .epoch = rt->proto_epoch };
              return true;
            }
          if (attrs & JS_ATTR_ACCESSOR)
            return false;
          *e = (JsICEntry){ .shape = shape,
                            .holder = proto_dict ? o : NULL,
                            .slot = ic_encode_slot (shape, slot),
                            .epoch = rt->proto_epoch };
          return true;
        }
      if (js_key_is_index (key) || !ordinary_get (ctx, o, key))
        return false;
      p = object_get_proto (o);
    }
  else if (js_key_is_index (key))
    return false;
  for (; p; p = object_get_proto (p))
    {
      if (!ordinary_get (ctx, p, key) || !realm_make_prototype (rt, p))
        return false;
      if (shape_lookup (p->shape, key, &slot, &attrs))
        {
          /* An accessor on a prototype (a class's getter, a GObject
             property) is cached as its slot: the getter is read from it
             at each load, so redefining the pair needs no guard, and
             turning it into a data property changes the holder's shape,
             which moves the epoch. */
          uint32_t getter = (attrs & JS_ATTR_ACCESSOR) ? JS_IC_SLOT_GETTER
                                                       : 0;
          /* Making prototypes may have moved the epoch: read it last. */
          *e = (JsICEntry){ .shape = primitive ? (JsShape *) o : shape,
                            .holder = p,
                            .slot = ic_encode_slot (p->shape, slot) | getter,
                            .epoch = rt->proto_epoch };
          return true;
        }
    }
  return false;
}

/* The value entry e gives for receiver o (NULL for a primitive, whose
 * entries always name a holder), or NULL if the entry is stale or is a
 * getter's (load_entry calls those). */
static inline JsValue *
load_from (JsRuntime *rt, const JsICEntry *e, JsObject *o)
{
  if (!e->holder)
    return ic_slot_ptr (o, e->slot);
  if (e->epoch == rt->proto_epoch && !(e->slot & JS_IC_SLOT_GETTER))
    return ic_slot_ptr (e->holder, e->slot);
  return NULL;
}

JsValue
ic_call_getter (JsContext *ctx, JsObject *holder, uint32_t s,
                JsValue receiver)
{
  JsRuntime *rt = ctx->rt;
  JsValue pair = *ic_slot_ptr (holder, s & ~JS_IC_SLOT_GETTER);
  JsAccessorPair *p = (JsAccessorPair *) js_get_cell (pair);
  JsValue getter = p->getter;
  if (js_is_undefined (getter))
    return JS_UNDEFINED;
  /* A native getter is called on a window [getter, receiver] at the top
     of the value stack, as the interpreter calls natives. */
  if (js_is_object (getter)
      && js_get_cell (getter)->shape->cls == &js_native_function_class
      && (size_t) (rt->stack_limit - rt->stack_top) >= 64)
    {
      /* A module object's name (gs_context_eval_in_object): what the
         getter would return, without the call. */
      JsValue v;
      if (ic_env_slot_getter (holder, s, &v))
        return v;
      JsValue *base = rt->stack_top;
      base[0] = getter;
      base[1] = receiver;
      rt->stack_top = base + 2;
      JsValue r = function_call_native (ctx, base, 0, JS_UNDEFINED);
      rt->stack_top = base;
      return r;
    }
  return js_call (ctx, getter, receiver, 0, NULL);
}

/* A load through entry e for receiver v (the object o, or NULL for a
 * primitive): true with *r set (a value or JS_EXCEPTION), or false if
 * the entry is stale. */
static inline bool
load_entry (JsContext *ctx, const JsICEntry *e, JsObject *o, JsValue v,
            JsValue *r)
{
  if (e->holder && (e->slot & JS_IC_SLOT_GETTER))
    {
      if (e->epoch != ctx->rt->proto_epoch)
        return false;
      *r = ic_call_getter (ctx, e->holder, e->slot, v);
      return true;
    }
  JsValue *p = load_from (ctx->rt, e, o);
  if (!p)
    return false;
  *r = *p;
  return true;
}

/* ------------------------------------------------------------------ */
/* The megamorphic cache                                               */
/* ------------------------------------------------------------------ */

/* Sites that saw too many shapes share one table of loads keyed on
 * (receiver key cell, property key), as a stub cache: a lookup is one
 * probe.  It is emptied by every collection, since its shapes are weak
 * and dead ones could come back at the same address. */
#define IC_MEGA_SIZE 1024u

typedef struct JsICMega
{
  JsICEntry e; /* as a cache entry, keyed on e.shape */
  JsKey key;   /* the property */
} JsICMega;

static inline JsICMega *
mega_slot (JsRuntime *rt, JsCell *first, JsKey key)
{
  uintptr_t h = ((uintptr_t) first >> 5) ^ (uintptr_t) key
                ^ ((uintptr_t) key >> 7);
  h ^= h >> 11;
  return &rt->ic_mega[h & (IC_MEGA_SIZE - 1)];
}

/* The key cell of a receiver: an object's shape, or for a primitive the
 * prototype its properties come from (NULL: none, undefined or null). */
static inline JsCell *
receiver_key (JsContext *ctx, JsValue v, JsObject **proto)
{
  if (js_is_object (v))
    {
      *proto = NULL;
      return (JsCell *) js_get_object (v)->shape;
    }
  *proto = js_is_string (v) || js_is_number (v) || js_is_bool (v)
               ? js_primitive_proto (ctx, v)
               : NULL;
  return (JsCell *) *proto;
}

JsValue
ic_get_named (JsContext *ctx, JsCode *code, JsIC *ic, JsValue v, JsKey key)
{
  JsRuntime *rt = ctx->rt;
  /* A string's length: no lookup at all. */
  if (js_is_string (v) && key == atom_common_key (rt, JS_ATOM_length))
    {
      IC_COUNT_HIT (rt, code, ic);
      return js_int32 ((int32_t) js_get_string (v)->length);
    }
  JsObject *proto;
  JsCell *first = receiver_key (ctx, v, &proto);
  JsObject *o = proto ? NULL : first ? js_get_object (v) : NULL;
  if (first && ic->state == JS_IC_MEGA && rt->ic_mega)
    {
      JsICMega *m = mega_slot (rt, first, key);
      JsValue r;
      if (m->e.target == first && m->key == key
          && load_entry (ctx, &m->e, o, v, &r))
        {
          IC_COUNT_HIT (rt, code, ic);
          return r;
        }
    }
  else if (first)
    {
      /* Entry 0 was tried for objects already, unless it is a getter's
         (the interpreter reads only data slots inline). */
      uint32_t n = ic_count (ic);
      for (uint32_t i = proto || (ic->slot & JS_IC_SLOT_GETTER) ? 0 : 1;
           i < n; i++)
        {
          JsICEntry *e = ic_entry (ic, i);
          if (e->target == first)
            {
              JsValue r;
              if (load_entry (ctx, e, o, v, &r))
                {
                  IC_COUNT_HIT (rt, code, ic);
                  return r;
                }
              break;
            }
        }
    }
  if (G_UNLIKELY (ic_stats_on ()))
    ic_stats_count (rt, code, ic, false);
  JsValue r = js_get (ctx, v, key);
  if (js_is_exception (r) || !first)
    return r;
  /* Planning the cache may allocate (a prototype becomes a guarded
     dictionary), and r may be a fresh value a getter made. */
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, r);
  rt_push_root (rt, v);
  JsObject *start = proto ? proto : js_get_object (v);
  JsICEntry planned;
  if (plan_load (ctx, start, proto != NULL, key, &planned))
    {
      if (ic->state == JS_IC_MEGA)
        {
          if (!rt->ic_mega)
            rt->ic_mega = g_new0 (JsICMega, IC_MEGA_SIZE);
          JsICMega *m = mega_slot (rt, planned.target, key);
          m->e = planned;
          m->key = key;
        }
      else
        {
          JsICEntry *e = ic_slot_for (ic, planned.target);
          if (e)
            *e = planned;
        }
    }
  r = *pr;
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Property stores                                                     */
/* ------------------------------------------------------------------ */

/* After a generic store, caches an own-slot store or a transition. */
static void
fill_store (JsContext *ctx, JsIC *ic, JsObject *o, JsShape *before,
            JsKey key)
{
  JsShape *after = o->shape;
  if (shape_is_dictionary (after) || (after->flags & JS_SHAPE_LAZY)
      || realm_is_exotic (o) || js_key_is_index (key))
    return;
  uint32_t slot;
  uint8_t attrs;
  if (!shape_lookup (after, key, &slot, &attrs)
      || (attrs & (JS_ATTR_ACCESSOR | JS_ATTR_WRITABLE)) != JS_ATTR_WRITABLE)
    return;
  if (before == after)
    {
      JsICEntry *e = ic_slot_for (ic, (JsCell *) after);
      if (e)
        *e = (JsICEntry){ .shape = after,
                          .slot = ic_encode_slot (after, slot) };
      return;
    }
  if (after->parent != before || shape_is_dictionary (before))
    return;
  /* A transition: valid while no prototype gains a setter or a
     read-only property of this name. */
  for (JsObject *p = object_get_proto (o); p; p = object_get_proto (p))
    if (realm_is_exotic (p) || !realm_make_prototype (ctx->rt, p))
      return;
  JsICEntry *e = ic_slot_for (ic, (JsCell *) before);
  if (e)
    *e = (JsICEntry){ .shape = before, .shape2 = after,
                      .slot = ic_encode_slot (after, slot),
                      .epoch = ctx->rt->proto_epoch };
}

/* Stores through entry e (whose shape is o's) if it still holds: true
 * when done, false to take the generic path.  A transition that needs a
 * bigger storage cell grows it first, which may collect: *pv and *po are
 * rooted. */
static bool
store_through (JsRuntime *rt, JsICEntry *e, JsValue *po, JsValue *pv)
{
  JsObject *o = js_get_object (*po);
  if (!e->shape2)
    {
      ic_store_slot (rt, o, e->slot, *pv);
      return true;
    }
  if (e->epoch != rt->proto_epoch)
    return false;
  JsShape *after = e->shape2;
  if (!ic_has_room (o, after))
    {
      /* The entry may be emptied by a collection while growing. */
      uint32_t slot = e->slot;
      JsValue *saved = rt_save_roots (rt);
      rt_push_cell (rt, after);
      bool ok = object_reserve (rt, o, after->count - after->inline_cap, 0);
      rt_restore_roots (rt, saved);
      if (!ok)
        return false;
      o = js_get_object (*po);
      o->shape = after;
      ic_store_slot (rt, o, slot, *pv);
      return true;
    }
  o->shape = after;
  ic_store_slot (rt, o, e->slot, *pv);
  return true;
}

bool
ic_set_named (JsContext *ctx, JsCode *code, JsIC *ic, JsValue obj, JsKey key,
              JsValue v, bool strict)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, obj);
  JsValue *pv = rt_push_root (rt, v);
  if (js_is_object (obj))
    {
      /* Entry 0 too: its transition may need room the fast path lacks. */
      JsObject *o = js_get_object (obj);
      uint32_t n = ic_count (ic);
      for (uint32_t i = 0; i < n; i++)
        if (ic_entry (ic, i)->shape == o->shape)
          {
            if (store_through (rt, ic_entry (ic, i), po, pv))
              {
                IC_COUNT_HIT (rt, code, ic);
                rt_restore_roots (rt, saved);
                return true;
              }
            break;
          }
    }
  if (G_UNLIKELY (ic_stats_on ()))
    ic_stats_count (rt, code, ic, false);
  JsShape *before = js_is_object (obj) ? js_get_object (obj)->shape : NULL;
  if (before)
    rt_push_cell (rt, before);
  int r = js_set (ctx, obj, key, v, obj, strict);
  if (r > 0 && before)
    fill_store (ctx, ic, js_get_object (obj), before, key);
  rt_restore_roots (rt, saved);
  return r >= 0;
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

void
ic_call_miss (JsRuntime *rt, JsCode *code, JsIC *ic, JsCell *target)
{
  if (ic->state == JS_IC_POLY)
    for (uint32_t i = 0; i < ic->n_more; i++)
      if (ic->more[i].target == target)
        {
          IC_COUNT_HIT (rt, code, ic);
          return;
        }
  if (G_UNLIKELY (ic_stats_on ()))
    ic_stats_count (rt, code, ic, false);
  JsICEntry *e = ic_slot_for (ic, target);
  if (e)
    *e = (JsICEntry){ .target = target };
}

/* ------------------------------------------------------------------ */
/* Globals                                                             */
/* ------------------------------------------------------------------ */

/* Caches the binding key of holder (the global object or the script
 * scope) if its layout lets the cache trust it.  A dictionary is trusted
 * once flagged: its in-place changes then move the global epoch. */
static void
fill_global (JsRuntime *rt, JsIC *ic, JsObject *holder, JsKey key,
             bool store)
{
  JsShape *s = holder->shape;
  uint32_t slot;
  uint8_t attrs;
  /* A megamorphic cache may be shared between instructions (past 64k
     caches in one function): it must stay empty. */
  if (ic->state == JS_IC_MEGA)
    return;
  if ((s->flags & JS_SHAPE_LAZY) || !shape_lookup (s, key, &slot, &attrs))
    return;
  if (attrs & JS_ATTR_ACCESSOR)
    return;
  if (store && !(attrs & JS_ATTR_WRITABLE))
    return;
  if (shape_is_dictionary (s))
    s->flags |= JS_SHAPE_GLOBAL;
  ic->state = JS_IC_MONO;
  ic->shape = s;
  ic->shape2 = NULL;
  ic->holder = holder;
  ic->slot = ic_encode_slot (s, slot);
  ic->epoch = rt->global_epoch;
}

void
ic_fill_global_load (JsContext *ctx, JsCode *code, JsIC *ic, JsKey key)
{
  if (G_UNLIKELY (ic_stats_on ()))
    ic_stats_count (ctx->rt, code, ic, false);
  JsObject *holder = ctx->global;
  if (shape_lookup (ctx->script_scope->shape, key, &(uint32_t){ 0 },
                    &(uint8_t){ 0 }))
    holder = ctx->script_scope;
  fill_global (ctx->rt, ic, holder, key, false);
}

void
ic_fill_global_store (JsContext *ctx, JsCode *code, JsIC *ic, JsKey key)
{
  if (G_UNLIKELY (ic_stats_on ()))
    ic_stats_count (ctx->rt, code, ic, false);
  JsObject *holder = ctx->global;
  if (shape_lookup (ctx->script_scope->shape, key, &(uint32_t){ 0 },
                    &(uint8_t){ 0 }))
    holder = ctx->script_scope;
  fill_global (ctx->rt, ic, holder, key, true);
}

/* ------------------------------------------------------------------ */
/* Weak clearing and code death                                        */
/* ------------------------------------------------------------------ */

static inline bool
entry_dead (const JsICEntry *e)
{
  return (e->target && !js_cell_is_marked (e->target))
         || (e->shape2 && !js_cell_is_marked (e->shape2))
         || (e->holder && !js_cell_is_marked (e->holder));
}

/* Drops ic's dead entries, keeping the live ones packed from entry 0. */
static void
sweep_ic (JsIC *ic)
{
  uint32_t n = ic_count (ic), kept = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      JsICEntry *e = ic_entry (ic, i);
      if (entry_dead (e))
        continue;
      if (kept != i)
        *ic_entry (ic, kept) = *e;
      kept++;
    }
  if (kept == n)
    return;
  for (uint32_t i = kept; i < n; i++)
    *ic_entry (ic, i) = (JsICEntry){ 0 };
  ic->n_more = kept > 1 ? (uint8_t) (kept - 1) : 0;
  ic->state = kept == 0   ? JS_IC_UNINIT
              : kept == 1 ? JS_IC_MONO
                          : JS_IC_POLY;
}

void
ic_sweep (JsRuntime *rt)
{
  if (rt->ic_mega)
    memset (rt->ic_mega, 0, IC_MEGA_SIZE * sizeof (JsICMega));
  for (JsCode *code = rt->codes; code; code = code->next_code)
    for (uint32_t i = 0; i < code->n_ics; i++)
      if (code->ics[i].state == JS_IC_MONO || code->ics[i].state == JS_IC_POLY)
        sweep_ic (&code->ics[i]);
}

/* ------------------------------------------------------------------ */
/* Statistics                                                          */
/* ------------------------------------------------------------------ */

/* A site worth naming in the summary. */
typedef struct
{
  char *where;     /* file:line:column, g_malloc'd */
  JsICKind kind;
  JsICState state;
  uint32_t entries;/* entries it held */
  JsICStat stat;
} ICSite;

/* Per kind: what was counted, and how many sites are in each state. */
typedef struct
{
  JsICStat stat;
  uint64_t sites[4]; /* by JsICState */
} ICKindTotal;

/* What dead code left: totals, and its worst sites. */
#define IC_WORST_KEPT 16u
typedef struct JsICTotals
{
  ICKindTotal kinds[JS_IC_KIND_COUNT];
  ICSite worst[IC_WORST_KEPT];
  uint32_t n_worst;
} JsICTotals;

static const char *const kind_names[JS_IC_KIND_COUNT] = {
  "get", "set", "call", "global", "other",
};
static const char *const state_names[4] = {
  "uninitialised", "monomorphic", "polymorphic", "megamorphic",
};

void
ic_stats_count (JsRuntime *rt, JsCode *code, JsIC *ic, bool hit)
{
  if (G_UNLIKELY (!code->ic_stats))
    code->ic_stats = g_new0 (JsICStat, MAX (code->n_ics, 1u));
  JsICStat *s = &code->ic_stats[ic - code->ics];
  s->lookups++;
  s->hits += hit;
  s->by_state[ic->state & 3]++;
}

static JsICKind
kind_of_op (uint8_t op)
{
  switch (op)
    {
    case JS_OP_GetNamed:
    case JS_OP_GetNamedStar:
      return JS_IC_KIND_GET;
    case JS_OP_SetNamed:
    case JS_OP_SetNamedStrict:
      return JS_IC_KIND_SET;
    case JS_OP_Call:
    case JS_OP_CallEval:
    case JS_OP_Construct:
      return JS_IC_KIND_CALL;
    case JS_OP_LdaGlobal:
    case JS_OP_TypeofGlobal:
    case JS_OP_StaGlobal:
    case JS_OP_StaGlobalStrict:
      return JS_IC_KIND_GLOBAL;
    default:
      return JS_IC_KIND_OTHER;
    }
}

/* For each cache of code, the instruction that uses it: kinds[i] and
 * pcs[i] (arrays of n_ics). */
static void
map_sites (const JsCode *code, uint8_t *kinds, uint32_t *pcs)
{
  memset (kinds, JS_IC_KIND_OTHER, code->n_ics);
  memset (pcs, 0, code->n_ics * sizeof *pcs);
  const uint8_t *pc = code->bytecode, *end = pc + code->bytecode_len;
  while (pc < end)
    {
      bool wide = *pc == JS_OP_Wide;
      const uint8_t *op = wide ? pc + 1 : pc;
      const uint8_t *p = op + 1;
      for (const char *c = js_op_signature[*op]; *c; c++)
        {
          uint32_t size = bc_operand_size (*c, wide);
          if (*c == 'i')
            {
              uint32_t i = size == 4 ? bc_u32 (p) : bc_u16 (p);
              if (i < code->n_ics)
                {
                  kinds[i] = (uint8_t) kind_of_op (*op);
                  pcs[i] = (uint32_t) (pc - code->bytecode);
                }
            }
          p += size;
        }
      pc += bc_instruction_length (pc);
    }
}

static void
stat_add (JsICStat *to, const JsICStat *s)
{
  to->lookups += s->lookups;
  to->hits += s->hits;
  for (int i = 0; i < 4; i++)
    to->by_state[i] += s->by_state[i];
}

/* Which sites are worse: more misses, then more lookups. */
static int
site_cmp (const void *a, const void *b)
{
  const ICSite *x = a, *y = b;
  uint64_t mx = x->stat.lookups - x->stat.hits;
  uint64_t my = y->stat.lookups - y->stat.hits;
  if (mx != my)
    return mx > my ? -1 : 1;
  if (x->stat.lookups != y->stat.lookups)
    return x->stat.lookups > y->stat.lookups ? -1 : 1;
  return 0;
}

static char *
site_name (const JsCode *code, uint32_t pc)
{
  uint32_t line, col;
  code_position (code, pc, &line, &col);
  const char *file = code->source && code->source->filename
                         ? code->source->filename
                         : "?";
  return g_strdup_printf ("%s:%u:%u", file, line, col);
}

/* Walks the counted sites of code: adds them to totals, and the ones
 * with misses to sites. */
static void
collect_code (const JsCode *code, ICKindTotal *totals, GArray *sites)
{
  if (!code->ic_stats || code->n_ics == 0)
    return;
  g_autofree uint8_t *kinds = g_new (uint8_t, code->n_ics);
  g_autofree uint32_t *pcs = g_new (uint32_t, code->n_ics);
  map_sites (code, kinds, pcs);
  for (uint32_t i = 0; i < code->n_ics; i++)
    {
      const JsICStat *s = &code->ic_stats[i];
      if (s->lookups == 0 || kinds[i] == JS_IC_KIND_OTHER)
        continue;
      const JsIC *ic = &code->ics[i];
      ICKindTotal *t = &totals[kinds[i]];
      stat_add (&t->stat, s);
      t->sites[ic->state & 3]++;
      if (sites && s->lookups > s->hits)
        {
          ICSite site = { .where = NULL, .kind = kinds[i],
                          .state = ic->state, .entries = ic_count (ic),
                          .stat = *s };
          site.where = site_name (code, pcs[i]);
          g_array_append_val (sites, site);
        }
    }
}

static void
clear_site (gpointer p)
{
  g_free (((ICSite *) p)->where);
}

void
ic_code_free (JsRuntime *rt, JsCode *code)
{
  for (uint32_t i = 0; i < code->n_ics; i++)
    g_free (code->ics[i].more);
  if (!code->ic_stats)
    return;
  if (!rt->ic_dead)
    rt->ic_dead = g_new0 (JsICTotals, 1);
  JsICTotals *d = rt->ic_dead;
  GArray *sites = g_array_new (FALSE, FALSE, sizeof (ICSite));
  collect_code (code, d->kinds, sites);
  /* Keep the worst of the old and the new. */
  g_array_append_vals (sites, d->worst, d->n_worst);
  g_array_sort (sites, site_cmp);
  d->n_worst = MIN (sites->len, IC_WORST_KEPT);
  memcpy (d->worst, sites->data, d->n_worst * sizeof (ICSite));
  for (uint32_t i = d->n_worst; i < sites->len; i++)
    clear_site (&g_array_index (sites, ICSite, i));
  g_array_free (sites, TRUE);
  g_free (code->ic_stats);
  code->ic_stats = NULL;
}

static double
percent (uint64_t part, uint64_t whole)
{
  return whole ? 100.0 * (double) part / (double) whole : 0.0;
}

/* How many of the worst sites the summary names. */
#define IC_WORST_SHOWN 10u

void
ic_stats_summary (JsRuntime *rt)
{
  if (!ic_stats_on ())
    return;
  ICKindTotal totals[JS_IC_KIND_COUNT];
  memset (totals, 0, sizeof totals);
  GArray *sites = g_array_new (FALSE, FALSE, sizeof (ICSite));
  g_array_set_clear_func (sites, clear_site);
  if (rt->ic_dead)
    {
      memcpy (totals, rt->ic_dead->kinds, sizeof totals);
      for (uint32_t i = 0; i < rt->ic_dead->n_worst; i++)
        {
          ICSite s = rt->ic_dead->worst[i];
          s.where = g_strdup (s.where);
          g_array_append_val (sites, s);
        }
    }
  for (JsCode *code = rt->codes; code; code = code->next_code)
    collect_code (code, totals, sites);

  ICKindTotal all = { 0 };
  gs_log_debug (&log_ic_stats, "========== inline caches ==========");
  gs_log_debug (&log_ic_stats, "%-7s %12s %12s %8s %8s  %s", "kind",
                "lookups", "hits", "hit", "mono",
                "sites: uninit mono poly mega");
  for (int k = 0; k < JS_IC_KIND_OTHER; k++)
    {
      ICKindTotal *t = &totals[k];
      stat_add (&all.stat, &t->stat);
      for (int i = 0; i < 4; i++)
        all.sites[i] += t->sites[i];
      gs_log_debug (&log_ic_stats,
                    "%-7s %12" G_GUINT64_FORMAT " %12" G_GUINT64_FORMAT
                    " %7.2f%% %7.2f%%  %" G_GUINT64_FORMAT " %"
                    G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %"
                    G_GUINT64_FORMAT,
                    kind_names[k], t->stat.lookups, t->stat.hits,
                    percent (t->stat.hits, t->stat.lookups),
                    percent (t->stat.by_state[JS_IC_MONO], t->stat.lookups),
                    t->sites[0], t->sites[1], t->sites[2], t->sites[3]);
    }
  gs_log_debug (&log_ic_stats,
                "%-7s %12" G_GUINT64_FORMAT " %12" G_GUINT64_FORMAT
                " %7.2f%% %7.2f%%  %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                "total", all.stat.lookups, all.stat.hits,
                percent (all.stat.hits, all.stat.lookups),
                percent (all.stat.by_state[JS_IC_MONO], all.stat.lookups),
                all.sites[0], all.sites[1], all.sites[2], all.sites[3]);
  g_array_sort (sites, site_cmp);
  if (sites->len)
    gs_log_debug (&log_ic_stats, "worst sites (most misses):");
  for (uint32_t i = 0; i < sites->len && i < IC_WORST_SHOWN; i++)
    {
      ICSite *s = &g_array_index (sites, ICSite, i);
      gs_log_debug (&log_ic_stats,
                    "  %s %s %s (%u %s) lookups %" G_GUINT64_FORMAT
                    " misses %" G_GUINT64_FORMAT " hit %.2f%%",
                    s->where, kind_names[s->kind], state_names[s->state & 3],
                    s->entries, s->entries == 1 ? "entry" : "entries",
                    s->stat.lookups, s->stat.lookups - s->stat.hits,
                    percent (s->stat.hits, s->stat.lookups));
    }
  g_array_free (sites, TRUE);
}

void
ic_runtime_free (JsRuntime *rt)
{
  g_clear_pointer (&rt->ic_mega, g_free);
  if (!rt->ic_dead)
    return;
  for (uint32_t i = 0; i < rt->ic_dead->n_worst; i++)
    clear_site (&rt->ic_dead->worst[i]);
  g_clear_pointer (&rt->ic_dead, g_free);
}
