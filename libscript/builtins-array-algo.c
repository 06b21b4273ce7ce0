/* builtins-array-algo.c — the array algorithms Array.prototype and
 * %TypedArray%.prototype share: the hidden lists, the stable merge sorts,
 * the loop of the callback methods and of reduce, and the argument
 * helpers.
 *
 * A hidden list is an array without a prototype held in a rooted slot:
 * the collector traces its elements, and since only its maker touches
 * it, its elements stay where they are as long as it does not grow.
 * That is what lets the sorts and loops call script (a comparator, a
 * callback), which may collect, with raw pointers to the elements.
 */
#include "config.h"

#include "builtins.h"

/* ------------------------------------------------------------------ */
/* Arguments                                                           */
/* ------------------------------------------------------------------ */

bool
builtins_array_relative_index (JsContext *ctx, JsValue v, double len,
                               double dflt, double *out)
{
  if (js_is_undefined (v))
    {
      *out = dflt;
      return true;
    }
  double d;
  if (!js_to_integer (ctx, v, &d))
    return false;
  *out = d < 0 ? MAX (len + d, 0) : MIN (d, len);
  return true;
}

bool
builtins_array_check_callable (JsContext *ctx, JsValue fn,
                               const char *method)
{
  if (js_is_callable (fn))
    return true;
  js_throw_type_error (ctx, "%s: %s is not a function", method,
                       realm_describe (ctx, fn));
  return false;
}

/* ------------------------------------------------------------------ */
/* Hidden lists and sorting                                            */
/* ------------------------------------------------------------------ */

/* Runs shorter than this are sorted by insertion first. */
#define SORT_RUN 8

/* One comparison: perm indices i and j of vals. */
static inline int
sort_cmp (JsContext *ctx, const JsValue *vals, uint32_t i, uint32_t j,
          JsSortCompare cmp, void *data, int *out)
{
  return cmp (ctx, vals[i], vals[j], data, out);
}

/* Sorts stably: perm (n entries) gets the order of the values held in
 * the elements of the hidden array in *buffer (a rooted slot), which
 * must not grow while the comparison runs script. */
static bool
merge_sort (JsContext *ctx, JsValue *buffer, uint32_t n, uint32_t *perm,
            JsSortCompare cmp, void *data)
{
  for (uint32_t i = 0; i < n; i++)
    perm[i] = i;
  if (n < 2)
    return true;
  uint32_t *tmp = g_try_new (uint32_t, n);
  if (!tmp)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  /* The values live in the elements of the hidden array *buffer, which
     nothing grows while the sort runs: they stay where they are even
     though the comparator may collect. */
  const JsValue *vals = object_elements (js_get_object (*buffer));
  int c;
  for (uint32_t lo = 0; lo < n; lo += SORT_RUN)
    {
      uint32_t hi = MIN (lo + SORT_RUN, n);
      for (uint32_t i = lo + 1; i < hi; i++)
        {
          uint32_t x = perm[i], j = i;
          while (j > lo)
            {
              if (sort_cmp (ctx, vals, perm[j - 1], x, cmp, data, &c) < 0)
                goto fail;
              if (c <= 0)
                break;
              perm[j] = perm[j - 1];
              j--;
            }
          perm[j] = x;
        }
    }
  uint32_t *src = perm, *dst = tmp;
  for (uint32_t width = SORT_RUN; width < n; width *= 2)
    {
      for (uint32_t lo = 0; lo < n; lo += 2 * width)
        {
          uint32_t mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          /* Runs already in order (sorted input) merge for free. */
          if (mid < hi)
            {
              if (sort_cmp (ctx, vals, src[mid - 1], src[mid], cmp, data,
                            &c) < 0)
                goto fail;
            }
          if (mid >= hi || c <= 0)
            {
              memcpy (dst + lo, src + lo, (hi - lo) * sizeof *dst);
              continue;
            }
          uint32_t i = lo, j = mid, k = lo;
          while (i < mid && j < hi)
            {
              if (sort_cmp (ctx, vals, src[i], src[j], cmp, data, &c) < 0)
                goto fail;
              /* Equal keys keep their order: the left one goes first. */
              dst[k++] = c > 0 ? src[j++] : src[i++];
            }
          while (i < mid)
            dst[k++] = src[i++];
          while (j < hi)
            dst[k++] = src[j++];
        }
      uint32_t *t = src;
      src = dst;
      dst = t;
    }
  if (src != perm)
    memcpy (perm, src, n * sizeof *perm);
  g_free (tmp);
  return true;
fail:
  g_free (tmp);
  return false;
}

/* Sorts the elements of the hidden array in *list stably, in place as
 * far as the caller can tell: the merges go back and forth between it
 * and the hidden array in *scratch (as long), and the two slots are
 * swapped when the result ends up in the second.  Moving the values
 * themselves rather than indices into them keeps the merges on
 * contiguous memory.  Neither array grows, so their elements stay put
 * while the comparator runs script and collects; every store is
 * followed by the barrier, since a collection may be marking between
 * two comparisons. */
static bool
merge_sort_values (JsContext *ctx, JsValue *list, JsValue *scratch,
                   JsSortCompare cmp, void *data)
{
  JsRuntime *rt = ctx->rt;
  JsHeap *heap = &rt->heap;
  JsObject *lst = js_get_object (*list), *scr = js_get_object (*scratch);
  uint32_t n = object_elem_len (lst);
  JsValue *src = object_elements (lst), *dst = object_elements (scr);
  JsCell *src_cell = (JsCell *) lst->storage;
  JsCell *dst_cell = (JsCell *) scr->storage;
  JsValue *saved = rt_save_roots (rt);
  /* The value being inserted is out of the array while it moves. */
  JsValue *px = rt_push_root (rt, JS_UNDEFINED);
  bool ok = false, swapped = false;
  int c;
  for (uint32_t lo = 0; lo < n; lo += SORT_RUN)
    {
      uint32_t hi = MIN (lo + SORT_RUN, n);
      for (uint32_t i = lo + 1; i < hi; i++)
        {
          *px = src[i];
          uint32_t j = i;
          while (j > lo)
            {
              if (cmp (ctx, src[j - 1], *px, data, &c) < 0)
                goto out;
              if (c <= 0)
                break;
              src[j] = src[j - 1];
              gc_write_barrier (heap, src_cell);
              j--;
            }
          src[j] = *px;
          gc_write_barrier (heap, src_cell);
        }
    }
  for (uint32_t width = SORT_RUN; width < n; width *= 2)
    {
      for (uint32_t lo = 0; lo < n; lo += 2 * width)
        {
          uint32_t mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          /* Runs already in order (sorted input) merge for free. */
          c = 0;
          if (mid < hi && cmp (ctx, src[mid - 1], src[mid], data, &c) < 0)
            goto out;
          if (mid >= hi || c <= 0)
            {
              memcpy (dst + lo, src + lo, (hi - lo) * sizeof *dst);
              gc_write_barrier (heap, dst_cell);
              continue;
            }
          uint32_t i = lo, j = mid, k = lo;
          while (i < mid && j < hi)
            {
              if (cmp (ctx, src[i], src[j], data, &c) < 0)
                goto out;
              /* Equal keys keep their order: the left one goes first. */
              dst[k++] = c > 0 ? src[j++] : src[i++];
              gc_write_barrier (heap, dst_cell);
            }
          memcpy (dst + k, src + i, (mid - i) * sizeof *dst);
          k += mid - i;
          memcpy (dst + k, src + j, (hi - j) * sizeof *dst);
          gc_write_barrier (heap, dst_cell);
        }
      JsValue *t = src;
      src = dst;
      dst = t;
      JsCell *tc = src_cell;
      src_cell = dst_cell;
      dst_cell = tc;
      swapped = !swapped;
    }
  ok = true;
out:
  rt_restore_roots (rt, saved);
  if (ok && swapped)
    {
      JsValue t = *list;
      *list = *scratch;
      *scratch = t;
    }
  return ok;
}

bool
builtins_array_sort_list (JsContext *ctx, JsValue *values, JsValue *keys,
                          JsSortCompare cmp, void *data, JsValue *out)
{
  uint32_t n = builtins_array_list_len (values);
  if (keys == values)
    {
      /* The values are their own keys: sort a copy of them. */
      JsRuntime *rt = ctx->rt;
      JsValue *saved = rt_save_roots (rt);
      JsValue *scratch = rt_push_root (rt, JS_UNDEFINED);
      bool ok = builtins_array_list_new (ctx, out, n)
                && builtins_array_list_new (ctx, scratch, n);
      for (uint32_t i = 0; ok && i < n; i++)
        ok = builtins_array_list_push (ctx, out,
                                       builtins_array_list_get (values, i))
             && builtins_array_list_push (ctx, scratch, JS_UNDEFINED);
      ok = ok && merge_sort_values (ctx, out, scratch, cmp, data);
      rt_restore_roots (rt, saved);
      return ok;
    }
  uint32_t *perm = g_try_new (uint32_t, MAX (n, 1u));
  if (!perm)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  bool ok = merge_sort (ctx, keys, n, perm, cmp, data)
            && builtins_array_list_new (ctx, out, n);
  for (uint32_t i = 0; ok && i < n; i++)
    ok = builtins_array_list_push (ctx, out,
                                   builtins_array_list_get (values, perm[i]));
  g_free (perm);
  return ok;
}

bool
builtins_array_list_new (JsContext *ctx, JsValue *slot, uint32_t cap)
{
  JsRuntime *rt = ctx->rt;
  JsObject *a = object_new_array (rt, NULL, 0);
  *slot = a ? js_object_value (a) : JS_UNDEFINED;
  if (!a || !object_reserve (rt, a, 0, MAX (cap, 1u)))
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  return true;
}

bool
builtins_array_list_push (JsContext *ctx, JsValue *slot, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  JsObject *a = js_get_object (*slot);
  JsStorage *st = a->storage;
  if (st->elem_len == st->elem_cap)
    {
      if (st->elem_len >= JS_STORAGE_MAX_VALUES - 8)
        {
          js_throw_range_error (ctx, "Invalid array length");
          return false;
        }
      JsValue *saved = rt_save_roots (rt);
      rt_push_root (rt, v);
      bool ok = object_reserve (rt, a, 0, st->elem_len + 1);
      rt_restore_roots (rt, saved);
      if (!ok)
        {
          js_throw_out_of_memory (ctx);
          return false;
        }
      st = a->storage;
    }
  object_elements (a)[st->elem_len++] = v;
  gc_write_barrier (&rt->heap, (JsCell *) st);
  return true;
}


int
builtins_array_compare_fn (JsContext *ctx, JsValue a, JsValue b, void *data,
                           int *out)
{
  JsValue args[2] = { a, b };
  JsValue r = js_call (ctx, *(JsValue *) data, JS_UNDEFINED, 2, args);
  if (js_is_exception (r))
    return -1;
  double d;
  if (js_is_int32 (r))
    d = js_get_int32 (r);
  else if (!js_to_number (ctx, r, &d))
    return -1;
  *out = d < 0 ? -1 : d > 0 ? 1 : 0;
  return 0;
}

/* ------------------------------------------------------------------ */
/* The callback methods                                                */
/* ------------------------------------------------------------------ */

JsValue
builtins_array_each (JsContext *ctx, JsEachKind kind, JsValue *po,
                     double len, JsValue fn, JsValue this_arg, JsValue *pa,
                     const JsEachOps *ops)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  /* find and its kin visit holes, as undefined; the others skip them. */
  bool find = kind >= JS_EACH_FIND;
  bool backwards = kind == JS_EACH_FIND_LAST
                   || kind == JS_EACH_FIND_LAST_INDEX;
  JsValue r = JS_EXCEPTION;
  double kept = 0;
  for (double i = 0; i < len; i++)
    {
      double k = backwards ? len - 1 - i : i;
      int h = ops->get (ctx, *po, k, !find, pv);
      if (h < 0)
        goto out;
      if (!h)
        continue;
      JsValue args[3] = { *pv, js_number (k), *po };
      JsValue res = js_call (ctx, fn, this_arg, 3, args);
      if (js_is_exception (res))
        goto out;
      switch (kind)
        {
        case JS_EACH_EVERY:
          if (!js_to_boolean (res))
            {
              r = JS_FALSE;
              goto out;
            }
          break;
        case JS_EACH_SOME:
          if (js_to_boolean (res))
            {
              r = JS_TRUE;
              goto out;
            }
          break;
        case JS_EACH_MAP:
          if (!ops->keep (ctx, kind, pa, k, res))
            goto out;
          break;
        case JS_EACH_FILTER:
          if (js_to_boolean (res) && !ops->keep (ctx, kind, pa, kept++, *pv))
            goto out;
          break;
        case JS_EACH_FIND:
        case JS_EACH_FIND_LAST:
        case JS_EACH_FIND_INDEX:
        case JS_EACH_FIND_LAST_INDEX:
          if (js_to_boolean (res))
            {
              r = kind == JS_EACH_FIND || kind == JS_EACH_FIND_LAST
                      ? *pv
                      : js_number (k);
              goto out;
            }
          break;
        default:
          break;
        }
    }
  switch (kind)
    {
    case JS_EACH_EVERY:
      r = JS_TRUE;
      break;
    case JS_EACH_SOME:
      r = JS_FALSE;
      break;
    case JS_EACH_MAP:
    case JS_EACH_FILTER:
      r = *pa;
      break;
    case JS_EACH_FIND_INDEX:
    case JS_EACH_FIND_LAST_INDEX:
      r = js_int32 (-1);
      break;
    default:
      r = JS_UNDEFINED;
      break;
    }
out:
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
builtins_array_reduce (JsContext *ctx, JsValue *po, double len, JsValue fn,
                       const JsValue *initial, bool right,
                       const JsEachOps *ops)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *acc = rt_push_root (rt, initial ? *initial : JS_UNDEFINED);
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double i = 0;
  if (!initial)
    {
      /* The first present element is the start. */
      bool found = false;
      for (; i < len && !found; i++)
        {
          int h = ops->get (ctx, *po, right ? len - 1 - i : i, true, acc);
          if (h < 0)
            goto out;
          found = h > 0;
        }
      if (!found)
        {
          js_throw_type_error (ctx, "Reduce of empty array with no "
                                    "initial value");
          goto out;
        }
    }
  for (; i < len; i++)
    {
      double k = right ? len - 1 - i : i;
      int h = ops->get (ctx, *po, k, true, pv);
      if (h < 0)
        goto out;
      if (!h)
        continue;
      JsValue args[4] = { *acc, *pv, js_number (k), *po };
      *acc = js_call (ctx, fn, JS_UNDEFINED, 4, args);
      if (js_is_exception (*acc))
        goto out;
    }
  r = *acc;
out:
  rt_restore_roots (rt, saved);
  return r;
}
