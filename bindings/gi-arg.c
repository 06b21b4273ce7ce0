/* gi-arg.c — GIArgument ↔ JS, by a plan made once per argument.
 *
 * A plan (GiArgPlan) holds what a conversion needs to know about a type
 * without asking girepository again: the tag, the interface info and
 * its GType, the direction and transfer, and the plans of the elements
 * of arrays, lists and hash tables.  Conversions from JS record what
 * they allocate in a GiCleanups list, which the caller runs after the
 * call for everything the callee did not take (transfer none).
 * Conversions to JS free what the callee gave (transfer container or
 * full) as they go.
 *
 * Numbers: integers go through doubles, as in GJS (64-bit values lose
 * precision past 2^53, and saturate at their limits; a BigInt passes a
 * 64-bit value exactly).  Narrower integers refuse values out of their
 * range with a RangeError; fractions truncate, NaN is 0.  Strings must
 * be strings (null only where the argument is nullable).  Containers
 * follow their transfer: with none the bridge frees everything after
 * the call, with container the callee frees the container and the
 * bridge the elements, with full the callee frees all (taken arrays and
 * hash tables carry their elements' free functions for that).
 */
#include "config.h"

#include "gi-private.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Plans                                                               */
/* ------------------------------------------------------------------ */

static GiArgPlan *
plan_for_param (GITypeInfo *type, guint n, GITransfer transfer)
{
  GiArgPlan *e = g_new0 (GiArgPlan, 1);
  /* Elements are owned by the caller only with full transfer. */
  gi_plan_init (e, g_type_info_get_param_type (type, n), GI_DIRECTION_IN,
                transfer == GI_TRANSFER_EVERYTHING ? GI_TRANSFER_EVERYTHING
                                                   : GI_TRANSFER_NOTHING);
  e->nullable = TRUE;
  return e;
}

void
gi_plan_init (GiArgPlan *p, GITypeInfo *type, GIDirection dir,
              GITransfer transfer)
{
  p->type = type;
  p->tag = g_type_info_get_tag (type);
  p->dir = dir;
  p->transfer = transfer;
  p->js_index = p->length_of = p->length_arg = p->closure_of = -1;
  p->closure_arg = p->destroy_arg = -1;
  p->is_pointer = g_type_info_is_pointer (type);
  p->fixed_size = -1;
  p->gtype = G_TYPE_NONE;
  switch (p->tag)
    {
    case GI_TYPE_TAG_INTERFACE:
      p->iface = g_type_info_get_interface (type);
      p->iface_type = g_base_info_get_type (p->iface);
      switch (p->iface_type)
        {
        case GI_INFO_TYPE_OBJECT:
        case GI_INFO_TYPE_INTERFACE:
        case GI_INFO_TYPE_ENUM:
        case GI_INFO_TYPE_FLAGS:
        case GI_INFO_TYPE_STRUCT:
        case GI_INFO_TYPE_BOXED:
        case GI_INFO_TYPE_UNION:
          p->gtype = g_registered_type_info_get_g_type (
              (GIRegisteredTypeInfo *) p->iface);
          break;
        default:
          break;
        }
      break;
    case GI_TYPE_TAG_ARRAY:
      p->array_type = g_type_info_get_array_type (type);
      p->zero_terminated = g_type_info_is_zero_terminated (type);
      p->fixed_size = g_type_info_get_array_fixed_size (type);
      p->length_arg = (gint16) g_type_info_get_array_length (type);
      if (p->array_type == GI_ARRAY_TYPE_BYTE_ARRAY)
        break;
      p->elem = plan_for_param (type, 0, transfer);
      break;
    case GI_TYPE_TAG_GLIST:
    case GI_TYPE_TAG_GSLIST:
      p->elem = plan_for_param (type, 0, transfer);
      break;
    case GI_TYPE_TAG_GHASH:
      p->elem = plan_for_param (type, 0, transfer);
      p->elem2 = plan_for_param (type, 1, transfer);
      break;
    default:
      break;
    }
}

void
gi_plan_clear (GiArgPlan *p)
{
  g_clear_pointer (&p->type, g_base_info_unref);
  g_clear_pointer (&p->iface, g_base_info_unref);
  if (p->elem)
    {
      gi_plan_clear (p->elem);
      g_free (p->elem);
      p->elem = NULL;
    }
  if (p->elem2)
    {
      gi_plan_clear (p->elem2);
      g_free (p->elem2);
      p->elem2 = NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Cleanups                                                            */
/* ------------------------------------------------------------------ */

void
gi_cleanups_add (GiCleanups *c, GDestroyNotify func, gpointer data)
{
  GiCleanup item = { func, data };
  if (c->n < G_N_ELEMENTS (c->inline_items))
    c->inline_items[c->n] = item;
  else
    {
      if (!c->more)
        c->more = g_array_new (FALSE, FALSE, sizeof (GiCleanup));
      g_array_append_val (c->more, item);
    }
  c->n++;
}

void
gi_cleanups_run (GiCleanups *c)
{
  guint n_inline = MIN (c->n, G_N_ELEMENTS (c->inline_items));
  for (guint i = 0; i < n_inline; i++)
    c->inline_items[i].func (c->inline_items[i].data);
  if (c->more)
    {
      for (guint i = 0; i < c->more->len; i++)
        {
          GiCleanup *item = &g_array_index (c->more, GiCleanup, i);
          item->func (item->data);
        }
      g_array_free (c->more, TRUE);
      c->more = NULL;
    }
  c->n = 0;
}

/* ------------------------------------------------------------------ */
/* Raw storage                                                         */
/* ------------------------------------------------------------------ */

gsize
gi_type_tag_size (GITypeTag tag)
{
  switch (tag)
    {
    case GI_TYPE_TAG_BOOLEAN:
      return sizeof (gboolean);
    case GI_TYPE_TAG_INT8:
    case GI_TYPE_TAG_UINT8:
      return 1;
    case GI_TYPE_TAG_INT16:
    case GI_TYPE_TAG_UINT16:
      return 2;
    case GI_TYPE_TAG_INT32:
    case GI_TYPE_TAG_UINT32:
    case GI_TYPE_TAG_UNICHAR:
      return 4;
    case GI_TYPE_TAG_INT64:
    case GI_TYPE_TAG_UINT64:
      return 8;
    case GI_TYPE_TAG_FLOAT:
      return sizeof (float);
    case GI_TYPE_TAG_DOUBLE:
      return sizeof (double);
    case GI_TYPE_TAG_GTYPE:
      return sizeof (GType);
    default:
      return sizeof (gpointer);
    }
}

void
gi_arg_load (GITypeTag tag, gconstpointer p, GIArgument *arg)
{
  memset (arg, 0, sizeof *arg);
  memcpy (arg, p, gi_type_tag_size (tag));
}

void
gi_arg_store (GITypeTag tag, gpointer p, const GIArgument *arg)
{
  memcpy (p, arg, gi_type_tag_size (tag));
}

/* The size of one element of an array of plan's type. */
static gsize
elem_size (const GiArgPlan *e)
{
  if (e->tag == GI_TYPE_TAG_INTERFACE && !e->is_pointer)
    {
      switch (e->iface_type)
        {
        case GI_INFO_TYPE_ENUM:
        case GI_INFO_TYPE_FLAGS:
          return gi_type_tag_size (g_enum_info_get_storage_type (
              (GIEnumInfo *) e->iface));
        case GI_INFO_TYPE_STRUCT:
        case GI_INFO_TYPE_BOXED:
          return g_struct_info_get_size ((GIStructInfo *) e->iface);
        case GI_INFO_TYPE_UNION:
          return g_union_info_get_size ((GIUnionInfo *) e->iface);
        default:
          break;
        }
    }
  return gi_type_tag_size (e->tag);
}

/* ------------------------------------------------------------------ */
/* Numbers and GTypes                                                  */
/* ------------------------------------------------------------------ */

static gint64
to_int64 (double d)
{
  if (isnan (d))
    return 0;
  if (d >= 9223372036854775807.0)
    return G_MAXINT64;
  if (d <= -9223372036854775808.0)
    return G_MININT64;
  return (gint64) d;
}

static guint64
to_uint64 (double d)
{
  if (isnan (d))
    return 0;
  if (d < 0)
    return (guint64) to_int64 (d);
  if (d >= 18446744073709551615.0)
    return G_MAXUINT64;
  return (guint64) d;
}

static const char *
js_type_name (GsValue *v)
{
  if (gs_value_is_undefined (v))
    return "undefined";
  if (gs_value_is_null (v))
    return "null";
  if (gs_value_is_boolean (v))
    return "boolean";
  if (gs_value_is_number (v))
    return "number";
  if (gs_value_is_string (v))
    return "string";
  if (gs_value_is_function (v))
    return "function";
  return "object";
}

static gboolean
type_error (GsContext *ctx, const char *what, const char *expected,
            GsValue *v)
{
  gs_context_throw_error (ctx, GS_ERROR_TYPE,
                          "Expected type %s for %s but got type '%s'",
                          expected, what, js_type_name (v));
  return FALSE;
}

GType
gi_gtype_from_js (GsContext *ctx, GsValue *v)
{
  double d;
  if (gs_value_is_number (v) && gs_value_to_number (ctx, v, &d))
    return (GType) d;
  if (gs_value_is_object (v))
    {
      GsValue *t = gs_object_get_property (ctx, v, "$gtype");
      if (!t)
        return G_TYPE_INVALID;
      if (gs_value_is_number (t))
        return (GType) gs_value_get_number (t);
    }
  if (gs_value_is_string (v))
    {
      g_autofree char *name = gs_value_dup_string (v);
      GType t = g_type_from_name (name);
      if (t)
        return t;
    }
  gs_context_throw_error (ctx, GS_ERROR_TYPE, "Expected a GType, got '%s'",
                          js_type_name (v));
  return G_TYPE_INVALID;
}

GsValue *
gi_gtype_to_js (GsContext *ctx, GType t)
{
  return gs_value_new_number (ctx, (double) t);
}

/* ------------------------------------------------------------------ */
/* JS → C                                                              */
/* ------------------------------------------------------------------ */

static gboolean number_from_js (GsContext *ctx, GITypeTag tag, GsValue *v,
                                GIArgument *arg);

/* Whether d, truncated, fits an integer of tag's width.  64-bit types
 * take every number: they saturate at their limits (numbers past 2^53
 * are inexact anyway, and 2^63 - 1 reads as 2^63). */
static gboolean
number_in_range (GITypeTag tag, double d)
{
  double t = isnan (d) ? 0 : trunc (d);
  switch (tag)
    {
    case GI_TYPE_TAG_INT8:
      return t >= G_MININT8 && t <= G_MAXINT8;
    case GI_TYPE_TAG_UINT8:
      return t >= 0 && t <= G_MAXUINT8;
    case GI_TYPE_TAG_INT16:
      return t >= G_MININT16 && t <= G_MAXINT16;
    case GI_TYPE_TAG_UINT16:
      return t >= 0 && t <= G_MAXUINT16;
    case GI_TYPE_TAG_INT32:
      return t >= G_MININT32 && t <= G_MAXINT32;
    case GI_TYPE_TAG_UINT32:
      return t >= 0 && t <= G_MAXUINT32;
    default:
      return TRUE;
    }
}

static gboolean
number_from_js (GsContext *ctx, GITypeTag tag, GsValue *v, GIArgument *arg)
{
  double d;
  if (!gs_value_to_number (ctx, v, &d))
    return FALSE;
  /* Narrow integers refuse what they cannot hold, as GJS does, rather
     than wrapping to another value. */
  if (!number_in_range (tag, d))
    {
      gs_context_throw_error (ctx, GS_ERROR_RANGE,
                              "value is out of range for %s",
                              g_type_tag_to_string (tag));
      return FALSE;
    }
  switch (tag)
    {
    case GI_TYPE_TAG_INT8:
      arg->v_int8 = (gint8) to_int64 (d);
      break;
    case GI_TYPE_TAG_UINT8:
      arg->v_uint8 = (guint8) to_uint64 (d);
      break;
    case GI_TYPE_TAG_INT16:
      arg->v_int16 = (gint16) to_int64 (d);
      break;
    case GI_TYPE_TAG_UINT16:
      arg->v_uint16 = (guint16) to_uint64 (d);
      break;
    case GI_TYPE_TAG_INT32:
      arg->v_int32 = (gint32) to_int64 (d);
      break;
    case GI_TYPE_TAG_UINT32:
      arg->v_uint32 = (guint32) to_uint64 (d);
      break;
    case GI_TYPE_TAG_INT64:
      arg->v_int64 = to_int64 (d);
      break;
    case GI_TYPE_TAG_UINT64:
      arg->v_uint64 = to_uint64 (d);
      break;
    case GI_TYPE_TAG_FLOAT:
      arg->v_float = (float) d;
      break;
    case GI_TYPE_TAG_DOUBLE:
      arg->v_double = d;
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* A 64-bit integer from a BigInt, exactly (as in GJS): its decimal
 * digits, parsed with a range check.  Other primitives that are neither
 * numbers nor strings (symbols) throw as ToString throws for them. */
static gboolean
bigint_from_js (GsContext *ctx, GITypeTag tag, GsValue *v, GIArgument *arg)
{
  g_autofree char *digits = gs_value_to_string (ctx, v);
  if (!digits)
    return FALSE;
  gboolean ok;
  if (tag == GI_TYPE_TAG_INT64)
    {
      gint64 n;
      ok = g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &n,
                                     NULL);
      arg->v_int64 = n;
    }
  else
    {
      guint64 n;
      ok = g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT64, &n, NULL);
      arg->v_uint64 = n;
    }
  if (!ok)
    gs_context_throw_error (ctx, GS_ERROR_RANGE,
                            "value is out of range for %s",
                            g_type_tag_to_string (tag));
  return ok;
}

static void
free_list (gpointer l)
{
  g_list_free (l);
}

static void
free_slist (gpointer l)
{
  g_slist_free (l);
}

static GDestroyNotify hash_element_free (const GiArgPlan *e);
static gboolean boxed_in_pointer (const GiArgPlan *e);

static void
clear_string (gpointer p)
{
  g_free (*(char **) p);
}

static void
clear_object (gpointer p)
{
  g_clear_object ((GObject **) p);
}

/* A C array from a JS array (or a string, for guint8 and gchar arrays:
 * its UTF-8 bytes). */
static gboolean
array_from_js (GsContext *ctx, const GiArgPlan *plan, const char *what,
               GsValue *v, GIArgument *arg, gsize *length_out,
               GiCleanups *cleanups)
{
  const GiArgPlan *e = plan->elem;
  gsize n_bytes = G_MAXSIZE;
  const guint8 *bytes = NULL;
  gboolean byte_elems = plan->array_type == GI_ARRAY_TYPE_BYTE_ARRAY
                        || (e && (e->tag == GI_TYPE_TAG_UINT8
                                  || e->tag == GI_TYPE_TAG_INT8));
  if (byte_elems && !gs_value_is_string (v))
    bytes = gs_value_peek_bytes (v, &n_bytes);
  if (byte_elems && (gs_value_is_string (v) || n_bytes != G_MAXSIZE))
    {
      /* A string gives its UTF-8 bytes; a typed array its bytes. */
      char *s;
      gsize n;
      if (n_bytes != G_MAXSIZE)
        {
          s = g_malloc (n_bytes + 1);
          if (n_bytes)
            memcpy (s, bytes, n_bytes);
          s[n_bytes] = '\0';
          n = n_bytes;
        }
      else
        {
          s = gs_value_dup_string (v);
          n = strlen (s);
        }
      if (plan->array_type == GI_ARRAY_TYPE_BYTE_ARRAY)
        {
          GByteArray *b = g_byte_array_new_take ((guint8 *) s, n);
          if (plan->transfer == GI_TRANSFER_NOTHING)
            gi_cleanups_add (cleanups, (GDestroyNotify) g_byte_array_unref,
                             b);
          arg->v_pointer = b;
        }
      else
        {
          if (plan->transfer == GI_TRANSFER_NOTHING)
            gi_cleanups_add (cleanups, g_free, s);
          arg->v_pointer = s;
        }
      *length_out = n;
      return TRUE;
    }
  if (plan->array_type == GI_ARRAY_TYPE_BYTE_ARRAY && gs_value_is_array (v))
    {
      /* An array of numbers, each a byte. */
      double dn;
      GsValue *len = gs_object_get_property (ctx, v, "length");
      if (!len || !gs_value_to_number (ctx, len, &dn))
        return FALSE;
      GByteArray *b = g_byte_array_sized_new ((guint) dn);
      for (guint i = 0; i < (guint) dn; i++)
        {
          GsValue *item = gs_object_get_index (ctx, v, i);
          GIArgument ea = { 0 };
          if (!item || gs_value_is_object (item)
              || gs_value_is_undefined (item))
            {
              g_byte_array_unref (b);
              return item ? type_error (ctx, what, "an array of bytes", item)
                          : FALSE;
            }
          if (!number_from_js (ctx, GI_TYPE_TAG_UINT8, item, &ea))
            {
              g_byte_array_unref (b);
              return FALSE;
            }
          g_byte_array_append (b, &ea.v_uint8, 1);
        }
      if (plan->transfer == GI_TRANSFER_NOTHING)
        gi_cleanups_add (cleanups, (GDestroyNotify) g_byte_array_unref, b);
      arg->v_pointer = b;
      *length_out = b->len;
      return TRUE;
    }
  if (plan->array_type == GI_ARRAY_TYPE_BYTE_ARRAY)
    return type_error (ctx, what, "a Uint8Array or a string", v);
  if (e && e->tag == GI_TYPE_TAG_UNICHAR && gs_value_is_string (v)
      && (plan->array_type == GI_ARRAY_TYPE_C
          || plan->array_type == GI_ARRAY_TYPE_ARRAY))
    {
      /* A string gives its characters (GJS does the same). */
      g_autofree char *str = gs_value_dup_string (v);
      glong n_chars = 0;
      gunichar *chars = g_utf8_to_ucs4_fast (str, -1, &n_chars);
      if (plan->array_type == GI_ARRAY_TYPE_ARRAY)
        {
          GArray *ga = g_array_sized_new (plan->zero_terminated, TRUE,
                                          sizeof (gunichar), (guint) n_chars);
          g_array_append_vals (ga, chars, (guint) n_chars);
          g_free (chars);
          if (plan->transfer == GI_TRANSFER_NOTHING)
            gi_cleanups_add (cleanups, (GDestroyNotify) g_array_unref, ga);
          arg->v_pointer = ga;
        }
      else
        {
          if (plan->transfer != GI_TRANSFER_EVERYTHING
              && plan->transfer != GI_TRANSFER_CONTAINER)
            gi_cleanups_add (cleanups, g_free, chars);
          arg->v_pointer = chars;
        }
      *length_out = (gsize) n_chars;
      return TRUE;
    }
  if (!gs_value_is_array (v))
    return type_error (ctx, what, "an array", v);
  double dn;
  GsValue *len = gs_object_get_property (ctx, v, "length");
  if (!len || !gs_value_to_number (ctx, len, &dn))
    return FALSE;
  guint n = (guint) dn;
  /* C reads exactly fixed_size elements: fewer would read past the
     buffer, more would be dropped unseen. */
  if (plan->array_type == GI_ARRAY_TYPE_C && plan->fixed_size > 0
      && n != (guint) plan->fixed_size)
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Expected an array of %d elements, got %u",
                              plan->fixed_size, n);
      return FALSE;
    }
  gsize size = elem_size (e);
  /* Elements the callee does not take are ours to free after the call:
     with container transfer too, where the callee owns (and frees) the
     array only, as the annotation says. */
  GiCleanups *elem_cleanups = plan->transfer != GI_TRANSFER_EVERYTHING
                                  ? cleanups
                                  : NULL;
  GiCleanups discard = { 0 };
  guint8 *mem = NULL;
  GPtrArray *pa = NULL;
  GArray *ga = NULL;
  switch (plan->array_type)
    {
    case GI_ARRAY_TYPE_C:
      mem = g_malloc0 ((n + (plan->zero_terminated ? 1 : 0)) * size
                       + (n == 0 ? size : 0));
      break;
    case GI_ARRAY_TYPE_PTR_ARRAY:
      pa = g_ptr_array_sized_new (n);
      break;
    case GI_ARRAY_TYPE_ARRAY:
      ga = g_array_sized_new (plan->zero_terminated, TRUE, (guint) size, n);
      break;
    default:
      break;
    }
  for (guint i = 0; i < n; i++)
    {
      GsValue *item = gs_object_get_index (ctx, v, i);
      GIArgument ea = { 0 };
      char buf[64];
      g_snprintf (buf, sizeof buf, "element %u of %s", i, what);
      if (!item
          || !gi_arg_from_js (ctx, e, buf, item, &ea,
                              elem_cleanups ? elem_cleanups : &discard))
        {
          g_free (mem);
          if (pa)
            g_ptr_array_free (pa, TRUE);
          if (ga)
            g_array_free (ga, TRUE);
          return FALSE;
        }
      if (mem)
        {
          if (e->tag == GI_TYPE_TAG_INTERFACE && !e->is_pointer
              && (e->iface_type == GI_INFO_TYPE_STRUCT
                  || e->iface_type == GI_INFO_TYPE_BOXED
                  || e->iface_type == GI_INFO_TYPE_UNION))
            memcpy (mem + i * size, ea.v_pointer, size);
          else
            memcpy (mem + i * size, &ea, size);
        }
      else if (pa)
        g_ptr_array_add (pa, ea.v_pointer);
      else if (ga)
        g_array_append_vals (ga, &ea, 1);
    }
  /* Element cleanups of container transfer are dropped on purpose. */
  discard.n = 0;
  if (discard.more)
    g_array_free (discard.more, TRUE);
  if (mem)
    {
      arg->v_pointer = mem;
      if (plan->transfer != GI_TRANSFER_EVERYTHING
          && plan->transfer != GI_TRANSFER_CONTAINER)
        gi_cleanups_add (cleanups, g_free, mem);
    }
  else if (pa)
    {
      arg->v_pointer = pa;
      /* A taken array frees its elements when the callee unrefs it. */
      if (plan->transfer == GI_TRANSFER_EVERYTHING
         )
        g_ptr_array_set_free_func (pa, hash_element_free (e));
      if (plan->transfer == GI_TRANSFER_NOTHING)
        gi_cleanups_add (cleanups, (GDestroyNotify) g_ptr_array_unref, pa);
    }
  else if (ga)
    {
      arg->v_pointer = ga;
      if (plan->transfer == GI_TRANSFER_EVERYTHING && size == sizeof (gpointer))
        {
          GDestroyNotify f = hash_element_free (e);
          if (f == g_free && !boxed_in_pointer (e))
            g_array_set_clear_func (ga, clear_string);
          else if (f == g_object_unref)
            g_array_set_clear_func (ga, clear_object);
        }
      if (plan->transfer == GI_TRANSFER_NOTHING)
        gi_cleanups_add (cleanups, (GDestroyNotify) g_array_unref, ga);
    }
  *length_out = n;
  return TRUE;
}

static gboolean
list_from_js (GsContext *ctx, const GiArgPlan *plan, const char *what,
              GsValue *v, GIArgument *arg, GiCleanups *cleanups)
{
  if (!gs_value_is_array (v))
    return type_error (ctx, what, "an array", v);
  double dn;
  GsValue *len = gs_object_get_property (ctx, v, "length");
  if (!len || !gs_value_to_number (ctx, len, &dn))
    return FALSE;
  GList *l = NULL;
  GSList *sl = NULL;
  for (guint i = (guint) dn; i-- > 0;)
    {
      GsValue *item = gs_object_get_index (ctx, v, i);
      GIArgument ea = { 0 };
      if (!item || !gi_arg_from_js (ctx, plan->elem, what, item, &ea,
                                    cleanups))
        {
          g_list_free (l);
          g_slist_free (sl);
          return FALSE;
        }
      if (plan->tag == GI_TYPE_TAG_GLIST)
        l = g_list_prepend (l, ea.v_pointer);
      else
        sl = g_slist_prepend (sl, ea.v_pointer);
    }
  if (plan->tag == GI_TYPE_TAG_GLIST)
    {
      arg->v_pointer = l;
      if (plan->transfer == GI_TRANSFER_NOTHING)
        gi_cleanups_add (cleanups, free_list, l);
    }
  else
    {
      arg->v_pointer = sl;
      if (plan->transfer == GI_TRANSFER_NOTHING)
        gi_cleanups_add (cleanups, free_slist, sl);
    }
  return TRUE;
}

/* Whether values of e's type are stored in a hash table (or a list) by
 * pointer to a copy: the ones that do not fit in a pointer. */
static gboolean
boxed_in_pointer (const GiArgPlan *e)
{
  switch (e->tag)
    {
    case GI_TYPE_TAG_INT64:
    case GI_TYPE_TAG_UINT64:
    case GI_TYPE_TAG_FLOAT:
    case GI_TYPE_TAG_DOUBLE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A converted key or value as the pointer a hash table stores. */
static gpointer
hash_pointer_from_arg (const GiArgPlan *e, GIArgument *a)
{
  if (boxed_in_pointer (e))
    return g_memdup2 (a, gi_type_tag_size (e->tag));
  return g_type_info_hash_pointer_from_argument (e->type, a);
}

/* What frees a key or value of e's type that a table owns, or NULL. */
static GDestroyNotify
hash_element_free (const GiArgPlan *e)
{
  if (boxed_in_pointer (e) || e->tag == GI_TYPE_TAG_UTF8
      || e->tag == GI_TYPE_TAG_FILENAME)
    return g_free;
  if (e->tag == GI_TYPE_TAG_INTERFACE
      && (e->iface_type == GI_INFO_TYPE_OBJECT
          || e->iface_type == GI_INFO_TYPE_INTERFACE))
    return g_object_unref;
  if (e->tag == GI_TYPE_TAG_INTERFACE && e->gtype == G_TYPE_VALUE)
    return gi_value_free;
  return NULL;
}

/* A hash table from a plain object: its own enumerable string keys,
 * converted to the key type (strings, or numbers for integer keys). */
static gboolean
hash_from_js (GsContext *ctx, const GiArgPlan *plan, const char *what,
              GsValue *v, GIArgument *arg, GiCleanups *cleanups)
{
  if (!gs_value_is_object (v))
    return type_error (ctx, what, "an object", v);
  const GiArgPlan *kp = plan->elem, *vp = plan->elem2;
  GHashFunc hash;
  GEqualFunc equal;
  switch (kp->tag)
    {
    case GI_TYPE_TAG_UTF8:
    case GI_TYPE_TAG_FILENAME:
      hash = g_str_hash;
      equal = g_str_equal;
      break;
    case GI_TYPE_TAG_INT8:
    case GI_TYPE_TAG_UINT8:
    case GI_TYPE_TAG_INT16:
    case GI_TYPE_TAG_UINT16:
    case GI_TYPE_TAG_INT32:
    case GI_TYPE_TAG_UINT32:
    case GI_TYPE_TAG_UNICHAR:
    case GI_TYPE_TAG_BOOLEAN:
      hash = g_direct_hash;
      equal = g_direct_equal;
      break;
    case GI_TYPE_TAG_INTERFACE:
      if (kp->iface_type == GI_INFO_TYPE_ENUM
          || kp->iface_type == GI_INFO_TYPE_FLAGS)
        {
          hash = g_direct_hash;
          equal = g_direct_equal;
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: hash table keys of type %s are not "
                              "supported (object property names are "
                              "strings)",
                              what, g_type_tag_to_string (kp->tag));
      return FALSE;
    }
  g_auto (GStrv) keys = gs_object_dup_keys (ctx, v);
  if (!keys)
    return FALSE;
  /* A table the callee takes frees what it holds; one it borrows is
     freed with what it holds by the cleanups, after the call.  With
     container transfer the callee frees the table only. */
  GDestroyNotify kfree = hash_element_free (kp), vfree = hash_element_free (vp);
  gboolean full = plan->transfer == GI_TRANSFER_EVERYTHING;
  GHashTable *h = g_hash_table_new_full (hash, equal, full ? kfree : NULL,
                                         full ? vfree : NULL);
  for (guint i = 0; keys[i]; i++)
    {
      GsValue *item = gs_object_get_property (ctx, v, keys[i]);
      GsValue *key;
      if (kp->tag == GI_TYPE_TAG_UTF8 || kp->tag == GI_TYPE_TAG_FILENAME)
        key = gs_value_new_string (ctx, keys[i], -1);
      else
        {
          char *end;
          double d = g_ascii_strtod (keys[i], &end);
          if (*end || !*keys[i])
            {
              gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                      "%s: the key '%s' is not a number",
                                      what, keys[i]);
              g_hash_table_unref (h);
              return FALSE;
            }
          key = gs_value_new_number (ctx, d);
        }
      GIArgument ka = { 0 }, va = { 0 };
      if (!item || !key
          || !gi_arg_from_js (ctx, kp, what, key, &ka, cleanups)
          || !gi_arg_from_js (ctx, vp, what, item, &va, cleanups))
        {
          g_hash_table_unref (h);
          return FALSE;
        }
      gpointer kptr = hash_pointer_from_arg (kp, &ka);
      gpointer vptr = hash_pointer_from_arg (vp, &va);
      /* Copies made for values that do not fit a pointer are the
         table's (transfer full) or the cleanups'. */
      if (!full && boxed_in_pointer (kp))
        gi_cleanups_add (cleanups, g_free, kptr);
      if (!full && boxed_in_pointer (vp))
        gi_cleanups_add (cleanups, g_free, vptr);
      g_hash_table_insert (h, kptr, vptr);
    }
  arg->v_pointer = h;
  if (plan->transfer == GI_TRANSFER_NOTHING)
    gi_cleanups_add (cleanups, (GDestroyNotify) g_hash_table_unref, h);
  return TRUE;
}

static gboolean
interface_from_js (GsContext *ctx, const GiArgPlan *plan, const char *what,
                   GsValue *v, GIArgument *arg, GiCleanups *cleanups)
{
  switch (plan->iface_type)
    {
    case GI_INFO_TYPE_ENUM:
    case GI_INFO_TYPE_FLAGS:
      {
        double d;
        if (!gs_value_is_number (v) && !gs_value_is_boolean (v))
          return type_error (ctx, what, "an enum (number)", v);
        if (!gs_value_to_number (ctx, v, &d))
          return FALSE;
        if (plan->iface_type == GI_INFO_TYPE_FLAGS)
          arg->v_uint = (guint) to_uint64 (d);
        else
          arg->v_int = (gint) to_int64 (d);
        return TRUE;
      }
    case GI_INFO_TYPE_OBJECT:
    case GI_INFO_TYPE_INTERFACE:
      {
        if (plan->gtype != G_TYPE_NONE && plan->gtype != G_TYPE_INVALID
            && !g_type_is_a (plan->gtype, G_TYPE_OBJECT)
            && !G_TYPE_IS_INTERFACE (plan->gtype))
          {
            gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                    "%s: the fundamental type %s is not "
                                    "supported",
                                    what, g_type_name (plan->gtype));
            return FALSE;
          }
        GObject *o = gi_object_from_js (ctx, v, plan->gtype, what);
        if (!o)
          return gs_context_has_exception (ctx) ? FALSE : TRUE;
        if (plan->transfer == GI_TRANSFER_EVERYTHING)
          g_object_ref (o);
        arg->v_pointer = o;
        return TRUE;
      }
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
    case GI_INFO_TYPE_UNION:
      {
        if (plan->gtype == G_TYPE_BYTES
            && !gs_object_get_native (v, gi.boxed_class))
          {
            /* A Uint8Array or a string where GBytes is wanted. */
            gsize n;
            const guint8 *data = gs_value_peek_bytes (v, &n);
            GBytes *b;
            if (n != G_MAXSIZE)
              b = g_bytes_new (data, n);
            else if (gs_value_is_string (v))
              {
                char *str = gs_value_dup_string (v);
                b = g_bytes_new_take (str, strlen (str));
              }
            else
              return type_error (ctx, what, "a GLib.Bytes or a Uint8Array",
                                 v);
            if (plan->transfer == GI_TRANSFER_NOTHING)
              gi_cleanups_add (cleanups, (GDestroyNotify) g_bytes_unref, b);
            arg->v_pointer = b;
            return TRUE;
          }
        if (plan->gtype == G_TYPE_CLOSURE
            && !gs_object_get_native (v, gi.boxed_class))
          {
            /* A function becomes a closure of its own. */
            if (!gs_value_is_function (v))
              return type_error (ctx, what, "a function", v);
            GClosure *c = gi_signal_closure_new (NULL, v, NULL);
            g_closure_ref (c);
            g_closure_sink (c);
            if (plan->transfer != GI_TRANSFER_EVERYTHING)
              gi_cleanups_add (cleanups, (GDestroyNotify) g_closure_unref, c);
            arg->v_pointer = c;
            return TRUE;
          }
        if (plan->gtype == G_TYPE_VALUE)
          {
            /* Any JS value, or a GObject.Value, which C may change in
               place when it is passed without transfer. */
            GiBoxed *b = gs_value_is_object (v)
                             ? gs_object_get_native (v, gi.boxed_class)
                             : NULL;
            if (b && b->klass->gtype == G_TYPE_VALUE
                && plan->transfer != GI_TRANSFER_EVERYTHING
                && G_IS_VALUE ((GValue *) b->mem))
              {
                arg->v_pointer = b->mem;
                return TRUE;
              }
            GValue *gv = g_new0 (GValue, 1);
            if (!gi_value_from_js_guess (ctx, gv, v, what))
              {
                g_free (gv);
                return FALSE;
              }
            if (plan->transfer != GI_TRANSFER_EVERYTHING)
              gi_cleanups_add (cleanups, gi_value_free, gv);
            arg->v_pointer = gv;
            return TRUE;
          }
        GiClassRec *k = gi_class_for_info (ctx, plan->iface);
        if (!k)
          return FALSE;
        gpointer mem = gi_boxed_from_js (ctx, v, k, what);
        if (!mem)
          return gs_context_has_exception (ctx) ? FALSE : TRUE;
        if (plan->transfer == GI_TRANSFER_EVERYTHING)
          {
            if (k->gtype == G_TYPE_VARIANT)
              g_variant_ref (mem);
            else if (G_TYPE_IS_BOXED (k->gtype))
              mem = g_boxed_copy (k->gtype, mem);
            else
              {
                gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                        "%s: cannot give away a %s", what,
                                        k->js_name);
                return FALSE;
              }
          }
        arg->v_pointer = mem;
        return TRUE;
      }
    case GI_INFO_TYPE_CALLBACK:
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: callbacks are not supported yet", what);
      return FALSE;
    default:
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: unsupported interface type", what);
      return FALSE;
    }
}

gboolean
gi_arg_from_js (GsContext *ctx, const GiArgPlan *plan, const char *what,
                GsValue *v, GIArgument *arg, GiCleanups *cleanups)
{
  arg->v_pointer = NULL;
  /* Null and undefined pass as NULL where a pointer may be NULL. */
  if ((gs_value_is_null (v) || gs_value_is_undefined (v))
      && (plan->is_pointer || plan->tag == GI_TYPE_TAG_UTF8
          || plan->tag == GI_TYPE_TAG_FILENAME
          || plan->tag == GI_TYPE_TAG_ARRAY
          || plan->tag == GI_TYPE_TAG_GLIST
          || plan->tag == GI_TYPE_TAG_GSLIST
          || plan->tag == GI_TYPE_TAG_GHASH))
    {
      /* Empty lists are NULL too. */
      if (plan->nullable || plan->tag == GI_TYPE_TAG_GLIST
          || plan->tag == GI_TYPE_TAG_GSLIST)
        return TRUE;
      if (plan->tag != GI_TYPE_TAG_VOID)
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "%s may not be null", what);
          return FALSE;
        }
    }
  switch (plan->tag)
    {
    case GI_TYPE_TAG_VOID:
      if (gs_value_is_null (v) || gs_value_is_undefined (v))
        return TRUE;
      if (gs_value_is_object (v))
        {
          /* A gpointer argument: pass a wrapped object's pointer. */
          GObject *o = gi_object_from_js (ctx, v, G_TYPE_OBJECT, what);
          arg->v_pointer = o;
          return o != NULL;
        }
      return type_error (ctx, what, "a pointer (null)", v);
    case GI_TYPE_TAG_BOOLEAN:
      arg->v_boolean = gs_value_to_boolean (v);
      return TRUE;
    case GI_TYPE_TAG_INT8:
    case GI_TYPE_TAG_UINT8:
    case GI_TYPE_TAG_INT16:
    case GI_TYPE_TAG_UINT16:
    case GI_TYPE_TAG_INT32:
    case GI_TYPE_TAG_UINT32:
    case GI_TYPE_TAG_INT64:
    case GI_TYPE_TAG_UINT64:
    case GI_TYPE_TAG_FLOAT:
    case GI_TYPE_TAG_DOUBLE:
      if (gs_value_is_object (v) || gs_value_is_undefined (v))
        return type_error (ctx, what, "a number", v);
      if ((plan->tag == GI_TYPE_TAG_INT64 || plan->tag == GI_TYPE_TAG_UINT64)
          && !gs_value_is_number (v) && !gs_value_is_string (v)
          && !gs_value_is_boolean (v) && !gs_value_is_null (v))
        return bigint_from_js (ctx, plan->tag, v, arg);
      return number_from_js (ctx, plan->tag, v, arg);
    case GI_TYPE_TAG_GTYPE:
      arg->v_size = gi_gtype_from_js (ctx, v);
      return arg->v_size != G_TYPE_INVALID;
    case GI_TYPE_TAG_UNICHAR:
      {
        if (gs_value_is_number (v))
          {
            /* A code point. */
            double d = gs_value_get_number (v);
            if (!(d >= 0 && d <= 0x10FFFF))
              {
                gs_context_throw_error (ctx, GS_ERROR_RANGE,
                                        "%s: %g is not a character", what, d);
                return FALSE;
              }
            arg->v_uint32 = (guint32) d;
            return TRUE;
          }
        if (!gs_value_is_string (v))
          return type_error (ctx, what, "a character", v);
        g_autofree char *s = gs_value_dup_string (v);
        arg->v_uint32 = g_utf8_get_char (s);
        return TRUE;
      }
    case GI_TYPE_TAG_UTF8:
    case GI_TYPE_TAG_FILENAME:
      {
        if (!gs_value_is_string (v))
          return type_error (ctx, what,
                             plan->tag == GI_TYPE_TAG_UTF8 ? "a string"
                                                           : "a filename",
                             v);
        char *s = gs_value_dup_string (v);
        if (plan->tag == GI_TYPE_TAG_FILENAME)
          {
            GError *err = NULL;
            char *f = g_filename_from_utf8 (s, -1, NULL, NULL, &err);
            g_free (s);
            if (!f)
              {
                gi_error_throw (ctx, err);
                return FALSE;
              }
            s = f;
          }
        if (plan->transfer == GI_TRANSFER_NOTHING)
          gi_cleanups_add (cleanups, g_free, s);
        arg->v_string = s;
        return TRUE;
      }
    case GI_TYPE_TAG_ARRAY:
      {
        gsize n;
        return array_from_js (ctx, plan, what, v, arg, &n, cleanups);
      }
    case GI_TYPE_TAG_INTERFACE:
      return interface_from_js (ctx, plan, what, v, arg, cleanups);
    case GI_TYPE_TAG_GLIST:
    case GI_TYPE_TAG_GSLIST:
      return list_from_js (ctx, plan, what, v, arg, cleanups);
    case GI_TYPE_TAG_GHASH:
      return hash_from_js (ctx, plan, what, v, arg, cleanups);
    case GI_TYPE_TAG_ERROR:
    default:
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: type %s is not supported", what,
                              g_type_tag_to_string (plan->tag));
      return FALSE;
    }
}

gboolean
gi_arg_array_from_js (GsContext *ctx, const GiArgPlan *plan,
                      const char *what, GsValue *v, GIArgument *arg,
                      gsize *length, GiCleanups *cleanups)
{
  *length = 0;
  arg->v_pointer = NULL;
  if (gs_value_is_null (v) || gs_value_is_undefined (v))
    {
      if (plan->nullable)
        return TRUE;
      gs_context_throw_error (ctx, GS_ERROR_TYPE, "%s may not be null",
                              what);
      return FALSE;
    }
  return array_from_js (ctx, plan, what, v, arg, length, cleanups);
}

gboolean
gi_arg_type_from_js (GsContext *ctx, GITypeInfo *type, GITransfer transfer,
                     const char *what, GsValue *v, GIArgument *arg,
                     GiCleanups *cleanups)
{
  GiArgPlan p = { 0 };
  gi_plan_init (&p, g_base_info_ref (type), GI_DIRECTION_IN, transfer);
  p.nullable = TRUE;
  gboolean ok = gi_arg_from_js (ctx, &p, what, v, arg, cleanups);
  gi_plan_clear (&p);
  return ok;
}

/* ------------------------------------------------------------------ */
/* C → JS                                                              */
/* ------------------------------------------------------------------ */

static GsValue *
number_to_js (GsContext *ctx, GITypeTag tag, const GIArgument *arg)
{
  double d;
  switch (tag)
    {
    case GI_TYPE_TAG_INT8:
      d = arg->v_int8;
      break;
    case GI_TYPE_TAG_UINT8:
      d = arg->v_uint8;
      break;
    case GI_TYPE_TAG_INT16:
      d = arg->v_int16;
      break;
    case GI_TYPE_TAG_UINT16:
      d = arg->v_uint16;
      break;
    case GI_TYPE_TAG_INT32:
      d = arg->v_int32;
      break;
    case GI_TYPE_TAG_UINT32:
      d = arg->v_uint32;
      break;
    case GI_TYPE_TAG_INT64:
      d = (double) arg->v_int64;
      break;
    case GI_TYPE_TAG_UINT64:
      d = (double) arg->v_uint64;
      break;
    case GI_TYPE_TAG_FLOAT:
      d = arg->v_float;
      break;
    case GI_TYPE_TAG_DOUBLE:
      d = arg->v_double;
      break;
    default:
      g_assert_not_reached ();
    }
  return gs_value_new_number (ctx, d);
}

/* Frees one element the caller owns but could not convert. */
static void
free_elements_from (const GiArgPlan *e, gpointer *items, gsize from,
                    gsize n)
{
  if (e->transfer != GI_TRANSFER_EVERYTHING)
    return;
  for (gsize i = from; i < n; i++)
    {
      if (!items[i])
        continue;
      if (e->tag == GI_TYPE_TAG_UTF8 || e->tag == GI_TYPE_TAG_FILENAME)
        g_free (items[i]);
      else if (e->tag == GI_TYPE_TAG_INTERFACE
               && (e->iface_type == GI_INFO_TYPE_OBJECT
                   || e->iface_type == GI_INFO_TYPE_INTERFACE))
        g_object_unref (items[i]);
    }
}

static GsValue *
c_array_to_js (GsContext *ctx, const GiArgPlan *plan, guint8 *mem,
               gssize length)
{
  const GiArgPlan *e = plan->elem;
  gsize size = elem_size (e);
  if (length < 0)
    {
      if (plan->fixed_size >= 0)
        length = plan->fixed_size;
      else if (plan->zero_terminated && mem)
        {
          length = 0;
          if (size == sizeof (gpointer))
            while (((gpointer *) mem)[length])
              length++;
          else
            {
              static const guint8 zero[64];
              while (memcmp (mem + length * size, zero, MIN (size, 64)))
                length++;
            }
        }
      else
        length = 0;
    }
  if (!mem)
    {
      /* No array at all: null where C gave no length, as in GJS. */
      if (plan->zero_terminated || plan->fixed_size >= 0)
        return gs_value_new_null (ctx);
      length = 0;
    }
  if (e->tag == GI_TYPE_TAG_UNICHAR)
    {
      /* Characters are a string, as in GJS. */
      g_autofree char *str = g_ucs4_to_utf8 ((gunichar *) mem, (glong) length,
                                             NULL, NULL, NULL);
      if (plan->transfer != GI_TRANSFER_NOTHING)
        g_free (mem);
      if (!str)
        return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                       "invalid characters in an array");
      return gs_value_new_string (ctx, str, -1);
    }
  if (e->tag == GI_TYPE_TAG_UINT8)
    {
      /* Bytes are a Uint8Array, as in GJS. */
      GsValue *u = gs_value_new_uint8_array (ctx, mem, (gsize) length);
      if (plan->transfer != GI_TRANSFER_NOTHING)
        g_free (mem);
      return u;
    }
  GsValue *a = gs_value_new_array (ctx, (guint) length);
  if (!a)
    return NULL;
  for (gssize i = 0; i < length; i++)
    {
      GIArgument ea;
      GsValue *item;
      if (e->tag == GI_TYPE_TAG_INTERFACE && !e->is_pointer
          && e->gtype == G_TYPE_VALUE)
        {
          /* A flat array of GValues: their values. */
          GValue *gv = (GValue *) (mem + i * size);
          item = G_IS_VALUE (gv) ? gi_value_to_js (ctx, gv)
                                 : gs_value_new_undefined (ctx);
        }
      else if (e->tag == GI_TYPE_TAG_INTERFACE && !e->is_pointer
          && (e->iface_type == GI_INFO_TYPE_STRUCT
              || e->iface_type == GI_INFO_TYPE_BOXED
              || e->iface_type == GI_INFO_TYPE_UNION))
        {
          GiClassRec *k = gi_class_for_info (ctx, e->iface);
          item = k ? gi_boxed_wrap (ctx, k, mem + i * size, TRUE, TRUE)
                   : NULL;
        }
      else
        {
          gi_arg_load (e->tag == GI_TYPE_TAG_INTERFACE
                               && (e->iface_type == GI_INFO_TYPE_ENUM
                                   || e->iface_type == GI_INFO_TYPE_FLAGS)
                           ? g_enum_info_get_storage_type (
                                 (GIEnumInfo *) e->iface)
                           : e->tag,
                       mem + i * size, &ea);
          item = gi_arg_to_js (ctx, e, &ea, -1);
        }
      if (!item)
        {
          if (size == sizeof (gpointer))
            free_elements_from (e, (gpointer *) mem, i + 1, length);
          if (plan->transfer != GI_TRANSFER_NOTHING)
            g_free (mem);
          return NULL;
        }
      gs_object_set_index (ctx, a, (guint32) i, item);
    }
  if (plan->transfer == GI_TRANSFER_EVERYTHING && e->tag == GI_TYPE_TAG_INTERFACE
      && !e->is_pointer && e->gtype == G_TYPE_VALUE)
    for (gssize i = 0; i < length; i++)
      if (G_IS_VALUE ((GValue *) (mem + i * size)))
        g_value_unset ((GValue *) (mem + i * size));
  if (plan->transfer != GI_TRANSFER_NOTHING)
    g_free (mem);
  return a;
}

static GsValue *
array_to_js (GsContext *ctx, const GiArgPlan *plan, GIArgument *arg,
             gssize length)
{
  switch (plan->array_type)
    {
    case GI_ARRAY_TYPE_C:
      return c_array_to_js (ctx, plan, arg->v_pointer, length);
    case GI_ARRAY_TYPE_ARRAY:
      {
        GArray *ga = arg->v_pointer;
        if (!ga)
          return gs_value_new_null (ctx);
        GiArgPlan copy = *plan;
        copy.array_type = GI_ARRAY_TYPE_C;
        copy.transfer = GI_TRANSFER_NOTHING;
        GsValue *r = c_array_to_js (ctx, &copy, (guint8 *) ga->data,
                                    ga->len);
        if (plan->transfer != GI_TRANSFER_NOTHING)
          g_array_unref (ga);
        return r;
      }
    case GI_ARRAY_TYPE_PTR_ARRAY:
      {
        GPtrArray *pa = arg->v_pointer;
        if (!pa)
          return gs_value_new_null (ctx);
        GiArgPlan copy = *plan;
        copy.array_type = GI_ARRAY_TYPE_C;
        copy.transfer = GI_TRANSFER_NOTHING;
        /* Its elements are pointers, whatever the type says (structs
           are listed without the pointer flag). */
        GiArgPlan elem = *plan->elem;
        elem.is_pointer = TRUE;
        copy.elem = &elem;
        GsValue *r = c_array_to_js (ctx, &copy, (guint8 *) pa->pdata,
                                    pa->len);
        if (plan->transfer != GI_TRANSFER_NOTHING)
          g_ptr_array_unref (pa);
        return r;
      }
    case GI_ARRAY_TYPE_BYTE_ARRAY:
      {
        GByteArray *b = arg->v_pointer;
        if (!b)
          return gs_value_new_null (ctx);
        GsValue *a = gs_value_new_uint8_array (ctx, b->data, b->len);
        if (plan->transfer != GI_TRANSFER_NOTHING)
          g_byte_array_unref (b);
        return a;
      }
    default:
      return gs_value_new_null (ctx);
    }
}

static GsValue *
list_to_js (GsContext *ctx, const GiArgPlan *plan, GIArgument *arg)
{
  GsValue *a = gs_value_new_array (ctx, 0);
  if (!a)
    return NULL;
  guint i = 0;
  gboolean slist = plan->tag == GI_TYPE_TAG_GSLIST;
  GsValue *r = a;
  for (gpointer l = arg->v_pointer; l;
       l = slist ? (gpointer) ((GSList *) l)->next
                 : (gpointer) ((GList *) l)->next)
    {
      GIArgument ea = { 0 };
      ea.v_pointer = slist ? ((GSList *) l)->data : ((GList *) l)->data;
      GsValue *item = gi_arg_to_js (ctx, plan->elem, &ea, -1);
      if (!item)
        {
          r = NULL;
          break;
        }
      gs_object_set_index (ctx, a, i++, item);
    }
  if (plan->transfer != GI_TRANSFER_NOTHING)
    {
      if (slist)
        g_slist_free (arg->v_pointer);
      else
        g_list_free (arg->v_pointer);
    }
  return r;
}

static GsValue *
hash_to_js (GsContext *ctx, const GiArgPlan *plan, GIArgument *arg)
{
  GHashTable *h = arg->v_pointer;
  if (!h)
    return gs_value_new_null (ctx);
  GsValue *o = gs_value_new_object (ctx);
  GHashTableIter it;
  gpointer k, val;
  g_hash_table_iter_init (&it, h);
  while (o && g_hash_table_iter_next (&it, &k, &val))
    {
      GIArgument ka = { 0 }, va = { 0 };
      if (boxed_in_pointer (plan->elem))
        gi_arg_load (plan->elem->tag, k, &ka);
      else
        g_type_info_argument_from_hash_pointer (plan->elem->type, k, &ka);
      if (boxed_in_pointer (plan->elem2))
        gi_arg_load (plan->elem2->tag, val, &va);
      else
        g_type_info_argument_from_hash_pointer (plan->elem2->type, val,
                                                &va);
      GiArgPlan kp = *plan->elem, vp = *plan->elem2;
      /* The table frees its own keys and values when unreffed. */
      kp.transfer = vp.transfer = GI_TRANSFER_NOTHING;
      GsValue *key = gi_arg_to_js (ctx, &kp, &ka, -1);
      GsValue *value = key ? gi_arg_to_js (ctx, &vp, &va, -1) : NULL;
      if (!value)
        {
          o = NULL;
          break;
        }
      g_autofree char *ks = gs_value_to_string (ctx, key);
      if (!ks)
        {
          o = NULL;
          break;
        }
      gs_object_set_property (ctx, o, ks, value);
    }
  if (plan->transfer != GI_TRANSFER_NOTHING)
    g_hash_table_unref (h);
  return o;
}

static GsValue *
interface_to_js (GsContext *ctx, const GiArgPlan *plan, GIArgument *arg)
{
  switch (plan->iface_type)
    {
    case GI_INFO_TYPE_ENUM:
      return gs_value_new_number (ctx, arg->v_int);
    case GI_INFO_TYPE_FLAGS:
      return gs_value_new_number (ctx, arg->v_uint);
    case GI_INFO_TYPE_OBJECT:
    case GI_INFO_TYPE_INTERFACE:
      if (!arg->v_pointer)
        return gs_value_new_null (ctx);
      if (!G_IS_OBJECT (arg->v_pointer))
        {
          /* A fundamental that is not a GObject (GParamSpec...). */
          if (G_IS_PARAM_SPEC (arg->v_pointer))
            {
              GValue v = G_VALUE_INIT;
              g_value_init (&v, G_TYPE_PARAM);
              g_value_set_param (&v, arg->v_pointer);
              GsValue *r = gi_value_to_js (ctx, &v);
              g_value_unset (&v);
              if (plan->transfer == GI_TRANSFER_EVERYTHING)
                g_param_spec_unref (arg->v_pointer);
              return r;
            }
          return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                         "fundamental type %s is not "
                                         "supported",
                                         g_type_name (plan->gtype));
        }
      return gi_object_wrap (ctx, arg->v_pointer,
                             plan->transfer == GI_TRANSFER_EVERYTHING);
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
    case GI_INFO_TYPE_UNION:
      {
        if (!arg->v_pointer)
          return gs_value_new_null (ctx);
        if (plan->gtype == G_TYPE_VALUE)
          {
            GsValue *r = gi_value_to_js (ctx, arg->v_pointer);
            if (plan->transfer == GI_TRANSFER_EVERYTHING)
              {
                g_value_unset (arg->v_pointer);
                g_free (arg->v_pointer);
              }
            return r;
          }
        GiClassRec *k = gi_class_for_info (ctx, plan->iface);
        if (!k)
          return NULL;
        gboolean full = plan->transfer == GI_TRANSFER_EVERYTHING;
        return gi_boxed_wrap (ctx, k, arg->v_pointer, !full, TRUE);
      }
    case GI_INFO_TYPE_CALLBACK:
      if (!arg->v_pointer)
        return gs_value_new_null (ctx);
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "C functions given to script (values "
                                     "of callback type %s) are not "
                                     "supported",
                                     g_base_info_get_name (plan->iface));
    default:
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "values of type %s are not supported",
                                     g_base_info_get_name (plan->iface));
    }
}

GsValue *
gi_arg_to_js (GsContext *ctx, const GiArgPlan *plan, GIArgument *arg,
              gssize length)
{
  switch (plan->tag)
    {
    case GI_TYPE_TAG_VOID:
      if (plan->is_pointer && arg->v_pointer)
        {
          /* A gpointer that holds an object (GList of gpointer...). */
          if (G_IS_OBJECT (arg->v_pointer))
            return gi_object_wrap (ctx, arg->v_pointer, FALSE);
          return gs_value_new_number (ctx, (double) (gsize) arg->v_pointer);
        }
      return plan->is_pointer ? gs_value_new_null (ctx)
                              : gs_value_new_undefined (ctx);
    case GI_TYPE_TAG_BOOLEAN:
      return gs_value_new_boolean (ctx, arg->v_boolean != 0);
    case GI_TYPE_TAG_INT8:
    case GI_TYPE_TAG_UINT8:
    case GI_TYPE_TAG_INT16:
    case GI_TYPE_TAG_UINT16:
    case GI_TYPE_TAG_INT32:
    case GI_TYPE_TAG_UINT32:
    case GI_TYPE_TAG_INT64:
    case GI_TYPE_TAG_UINT64:
    case GI_TYPE_TAG_FLOAT:
    case GI_TYPE_TAG_DOUBLE:
      return number_to_js (ctx, plan->tag, arg);
    case GI_TYPE_TAG_GTYPE:
      return gi_gtype_to_js (ctx, arg->v_size);
    case GI_TYPE_TAG_UNICHAR:
      {
        char buf[8] = { 0 };
        if (arg->v_uint32)
          g_unichar_to_utf8 (arg->v_uint32, buf);
        return gs_value_new_string (ctx, buf, -1);
      }
    case GI_TYPE_TAG_UTF8:
    case GI_TYPE_TAG_FILENAME:
      {
        char *s = arg->v_string;
        if (!s)
          return gs_value_new_null (ctx);
        GsValue *r;
        if (plan->tag == GI_TYPE_TAG_FILENAME)
          {
            g_autofree char *u = g_filename_to_utf8 (s, -1, NULL, NULL, NULL);
            r = gs_value_new_string (ctx, u ? u : s, -1);
          }
        else
          r = gs_value_new_string (ctx, s, -1);
        if (plan->transfer != GI_TRANSFER_NOTHING)
          g_free (s);
        return r;
      }
    case GI_TYPE_TAG_ARRAY:
      return array_to_js (ctx, plan, arg, length);
    case GI_TYPE_TAG_INTERFACE:
      return interface_to_js (ctx, plan, arg);
    case GI_TYPE_TAG_GLIST:
    case GI_TYPE_TAG_GSLIST:
      return list_to_js (ctx, plan, arg);
    case GI_TYPE_TAG_GHASH:
      return hash_to_js (ctx, plan, arg);
    case GI_TYPE_TAG_ERROR:
      {
        GError *e = arg->v_pointer;
        if (!e)
          return gs_value_new_null (ctx);
        if (plan->transfer == GI_TRANSFER_NOTHING)
          e = g_error_copy (e);
        gi_error_throw (ctx, e);
        return gs_context_take_exception (ctx);
      }
    default:
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "type %s is not supported",
                                     g_type_tag_to_string (plan->tag));
    }
}

GsValue *
gi_arg_type_to_js (GsContext *ctx, GITypeInfo *type, GITransfer transfer,
                   GIArgument *arg)
{
  GiArgPlan p = { 0 };
  gi_plan_init (&p, g_base_info_ref (type), GI_DIRECTION_OUT, transfer);
  GsValue *r = gi_arg_to_js (ctx, &p, arg, -1);
  gi_plan_clear (&p);
  return r;
}
