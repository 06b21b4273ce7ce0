/* ic.h — inline caches: their miss paths, polymorphism, and the
 * gscript.ic.stats log category.
 *
 * A cache (JsIC, bytecode.h) belongs to one instruction.  It starts
 * uninitialised; the first miss fills entry 0 and makes it monomorphic;
 * a miss on another receiver shape (or callee) adds an entry in the side
 * array and makes it polymorphic, up to JS_IC_POLY_MAX entries; one more
 * makes it megamorphic: the entries go and the site takes the generic
 * path from then on.  A miss on a shape the cache already holds (its
 * prototype epoch moved on) refreshes that entry in place.
 *
 * The interpreter tests entry 0 inline and calls here for everything
 * else.  Statistics are counted only while gscript.ic.stats is on: the
 * fast paths pay one predictable branch (IC_COUNT_HIT) when it is off,
 * and the counters themselves are made on first use.
 */
#pragma once

#include "function.h"
#include "interp.h"
#include "log.h"

/* What an instruction's cache is for, in the statistics. */
typedef enum
{
  JS_IC_KIND_GET,    /* GetNamed */
  JS_IC_KIND_SET,    /* SetNamed, SetNamedStrict */
  JS_IC_KIND_CALL,   /* Call, CallEval, Construct */
  JS_IC_KIND_GLOBAL, /* LdaGlobal, TypeofGlobal, StaGlobal* */
  JS_IC_KIND_OTHER,  /* operand reserved by other instructions, unused */
  JS_IC_KIND_COUNT
} JsICKind;

/* Counters of one cache while gscript.ic.stats is on. */
typedef struct JsICStat
{
  uint64_t lookups;     /* executions of the instruction */
  uint64_t hits;        /* ... that the cache answered */
  uint64_t by_state[4]; /* ... by the cache's JsICState at the time */
} JsICStat;

/* Whether the counters run: one load and one branch when they do not. */
static inline bool
ic_stats_on (void)
{
  return GS_LOG_ENABLED (&log_ic_stats, GS_LOG_DEBUG);
}

/* Counts one execution of ic's instruction. */
void ic_stats_count (JsRuntime *rt, JsCode *code, JsIC *ic, bool hit);

#define IC_COUNT_HIT(rt, code, ic)                                          \
  do                                                                        \
    {                                                                       \
      if (G_UNLIKELY (ic_stats_on ()))                                      \
        ic_stats_count ((rt), (code), (ic), true);                          \
    }                                                                       \
  while (0)

/* Where a cached property lives, computed once when the cache is filled
 * (the shape it is keyed on fixes the object's inline capacity): an
 * index into the object's inline slots, or with JS_IC_SLOT_OUT an index
 * into its storage cell's values. */
#define JS_IC_SLOT_OUT 0x80000000u
/* A load entry whose holder's slot is an accessor property: the load
 * calls its getter (ic_call_getter).  Only entries with a holder (a
 * prototype, guarded by the epoch) carry it, so the inline path of own
 * slots never looks at it. */
#define JS_IC_SLOT_GETTER 0x40000000u

static inline uint32_t
ic_encode_slot (const JsShape *shape, uint32_t slot)
{
  uint32_t cap = shape->inline_cap;
  return slot < cap ? slot : (slot - cap) | JS_IC_SLOT_OUT;
}

static inline JsValue *
ic_slot_ptr (JsObject *o, uint32_t s)
{
  if (G_LIKELY (!(s & JS_IC_SLOT_OUT)))
    return &o->slots[s];
  return &o->storage->values[s & ~JS_IC_SLOT_OUT];
}

/* A getter entry whose getter is a JS_NATIVE_ENV_SLOT one (a module
 * object's name): true with *v the value, read without a call. */
static inline bool
ic_env_slot_getter (JsObject *holder, uint32_t s, JsValue *v)
{
  JsValue pair = *ic_slot_ptr (holder, s & ~JS_IC_SLOT_GETTER);
  JsValue getter = ((JsAccessorPair *) js_get_cell (pair))->getter;
  if (!js_is_object (getter)
      || js_get_cell (getter)->shape->cls != &js_native_function_class)
    return false;
  JsNativeFunction *nf = (JsNativeFunction *) js_get_cell (getter);
  if (!(nf->flags & JS_NATIVE_ENV_SLOT))
    return false;
  *v = ((JsEnv *) js_get_cell (nf->data))->slots[(uint16_t) nf->magic];
  if (js_is_empty (*v))
    *v = JS_UNDEFINED;
  return true;
}

/* A load through a getter entry: calls the getter of the accessor in
 * holder's slot s (with JS_IC_SLOT_GETTER) on receiver, or JS_EXCEPTION. */
JsValue ic_call_getter (JsContext *ctx, JsObject *holder, uint32_t s,
                        JsValue receiver);

/* Stores v at encoded slot s of o, with the write barrier. */
static inline void
ic_store_slot (JsRuntime *rt, JsObject *o, uint32_t s, JsValue v)
{
  if (G_LIKELY (!(s & JS_IC_SLOT_OUT)))
    {
      o->slots[s] = v;
      gc_write_barrier (&rt->heap, (JsCell *) o);
    }
  else
    {
      o->storage->values[s & ~JS_IC_SLOT_OUT] = v;
      gc_write_barrier (&rt->heap, (JsCell *) o->storage);
    }
}

/* Whether o can take the properties of shape s without growing its
 * storage (a cached transition only switches the shape and stores). */
static inline bool
ic_has_room (JsObject *o, JsShape *s)
{
  uint32_t cap = s->inline_cap, need = s->count;
  if (need <= cap)
    return true;
  return o->storage && o->storage->prop_cap >= need - cap;
}

/* The miss path of GetNamed: v.key through the other entries, else the
 * generic lookup, which then fills the cache. */
JsValue ic_get_named (JsContext *ctx, JsCode *code, JsIC *ic, JsValue v,
                      JsKey key);
/* The miss path of SetNamed: false with an exception pending. */
bool ic_set_named (JsContext *ctx, JsCode *code, JsIC *ic, JsValue obj,
                   JsKey key, JsValue v, bool strict);
/* A call whose callee is not entry 0's target: records it.  The target
 * is the code of a script function (closures of one function share it),
 * else the callee itself. */
void ic_call_miss (JsRuntime *rt, JsCode *code, JsIC *ic, JsCell *target);

/* Global loads and stores: the cache holds the object that has the
 * binding (the global object or the script scope), its shape and the
 * runtime's global epoch, which moves whenever a binding of either may
 * have moved or become shadowed. */
void ic_fill_global_load (JsContext *ctx, JsCode *code, JsIC *ic, JsKey key);
void ic_fill_global_store (JsContext *ctx, JsCode *code, JsIC *ic,
                           JsKey key);

/* The GC's weak pass: empties entries whose cells died. */
void ic_sweep (JsRuntime *rt);
/* A code cell dies: frees its side arrays, keeps its counters. */
void ic_code_free (JsRuntime *rt, JsCode *code);
/* The gscript.ic.stats summary, when the runtime is destroyed. */
void ic_stats_summary (JsRuntime *rt);
/* Frees what the statistics kept of dead code. */
void ic_runtime_free (JsRuntime *rt);
