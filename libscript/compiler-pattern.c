/* compiler-pattern.c — destructuring and assignment targets.
 *
 * compile_pattern_assign binds the accumulator to a target: a name, a
 * member expression, or an array or object pattern with defaults and
 * rest elements, recursively.  Array patterns drive the iterator
 * protocol: the iterator and its next method sit in two registers, and
 * IteratorStep clears the next method when the iterator is done, so later
 * elements read undefined without calling next again and the final
 * IteratorClose knows whether to call return.
 */
#include "config.h"

#include "compiler-private.h"

static void assign_with_default (FuncState *fs, AstNode *target, bool init);

/* A destructuring target evaluated before its value is known: the spec
 * evaluates a member target's object and key (and resolves a name found
 * at run time) before the iterator steps or the property is read, and
 * converts the key only when it stores. */
typedef struct
{
  AstNode *node;   /* the target, its default stripped */
  uint32_t obj;    /* member: the object (or this for super) */
  uint32_t key;    /* member: the key as evaluated, or the private name */
  uint32_t ref;    /* a name found at run time: its reference */
  bool member;
  bool dynamic;
} Target;

static void
target_prepare (FuncState *fs, AstNode *t, bool init, Target *out)
{
  memset (out, 0, sizeof *out);
  if (t->kind == AST_ASSIGN_PATTERN)
    t = t->a;
  out->node = t;
  if (t->kind == AST_MEMBER)
    {
      out->member = true;
      out->obj = reg_alloc (fs);
      out->key = reg_alloc (fs);
      if (t->a->kind == AST_SUPER)
        compile_load_this (fs);
      else
        compile_expr (fs, t->a);
      emit_op (fs, JS_OP_Star, out->obj);
      if ((t->flags & AST_F_COMPUTED) || t->b->kind == AST_PRIVATE_NAME)
        {
          compile_expr (fs, t->b);
          emit_op (fs, JS_OP_Star, out->key);
        }
    }
  else if (t->kind == AST_IDENT && !init
           && scope_ref_is_dynamic (&fs->c->res, t))
    {
      out->dynamic = true;
      out->ref = reg_alloc_n (fs, 2);
      emit_op (fs, JS_OP_ResolveLookup, const_atom (fs, t->str), out->ref);
    }
}

/* Stores acc to a prepared target (PutValue), or destructures it into a
 * nested pattern. */
static void
target_store (FuncState *fs, Target *t, bool init)
{
  AstNode *m = t->node;
  if (t->dynamic)
    {
      emit_op (fs, fs->strict ? JS_OP_StaRefStrict : JS_OP_StaRef,
               const_atom (fs, m->str), t->ref);
      return;
    }
  if (!t->member)
    {
      compile_pattern_assign (fs, m, init);
      return;
    }
  mark_position (fs, m);
  if (m->a->kind == AST_SUPER)
    {
      uint32_t mark = fs->next_reg;
      uint32_t val = reg_alloc (fs), key = reg_alloc (fs);
      emit_op (fs, JS_OP_Star, val);
      if (m->flags & AST_F_COMPUTED)
        {
          emit_op (fs, JS_OP_Ldar, t->key);
          emit_op (fs, JS_OP_ToPropertyKey);
        }
      else
        emit_op (fs, JS_OP_LdaConst, const_atom (fs, m->b->str));
      emit_op (fs, JS_OP_Star, key);
      emit_op (fs, JS_OP_Ldar, val);
      emit_op (fs, JS_OP_SetSuper, t->obj, key);
      reg_free_to (fs, mark);
    }
  else if (m->flags & AST_F_COMPUTED)
    /* SetKeyed checks the base, then converts the key. */
    emit_op (fs, fs->strict ? JS_OP_SetKeyedStrict : JS_OP_SetKeyed, t->obj,
             t->key, ic_alloc (fs));
  else if (m->b->kind == AST_PRIVATE_NAME)
    emit_op (fs, JS_OP_SetPrivate, t->obj, t->key);
  else
    emit_op (fs, fs->strict ? JS_OP_SetNamedStrict : JS_OP_SetNamed, t->obj,
             const_atom (fs, m->b->str), ic_alloc (fs));
}

/* A target with an optional default, prepared: target = default when
 * the value is undefined; anonymous functions take the target's name. */
static void
store_with_default (FuncState *fs, AstNode *target, Target *t, bool init)
{
  if (target->kind == AST_ASSIGN_PATTERN)
    {
      Label have;
      label_init (&have);
      emit_jump (fs, JS_OP_JumpIfNotUndefined, &have);
      AstNode *n = target->a;
      compile_named_value (fs, target->b,
                           n->kind == AST_IDENT ? n->str : NULL);
      label_bind (fs, &have);
      label_free (&have);
    }
  target_store (fs, t, init);
}

static void
assign_member (FuncState *fs, AstNode *m)
{
  uint32_t mark = fs->next_reg;
  uint32_t val = reg_alloc (fs);
  emit_op (fs, JS_OP_Star, val);
  Target t;
  target_prepare (fs, m, false, &t);
  emit_op (fs, JS_OP_Ldar, val);
  target_store (fs, &t, false);
  reg_free_to (fs, mark);
}

static void
assign_array (FuncState *fs, AstNode *p, bool init)
{
  uint32_t mark = fs->next_reg;
  uint32_t it = reg_alloc_n (fs, 2);
  emit_op (fs, JS_OP_GetIterator, it);
  /* A throw while the elements are bound closes the iterator, unless the
     iterator itself threw (IteratorStep then leaves it done); so does a
     return (a generator resumed with return at a yield in a target or a
     default). */
  JsHandler h = { fs->code->len, 0, 0 };
  Jumps closing;
  compile_iterator_scope_begin (fs, &closing, it);
  for (AstNode *e = p->list.first; e; e = e->next)
    {
      Label done, next;
      label_init (&done);
      label_init (&next);
      uint32_t emark = fs->next_reg;
      Target t;
      if (e->kind == AST_REST)
        {
          /* The rest of the values, into a new array. */
          target_prepare (fs, e->a, init, &t);
          uint32_t arr = reg_alloc (fs);
          emit_op (fs, JS_OP_CreateArray, 0u);
          emit_op (fs, JS_OP_Star, arr);
          uint32_t top = fs->code->len;
          emit_jump_r (fs, JS_OP_IteratorStep, it, &done);
          emit_op (fs, JS_OP_ArrayPush, arr);
          emit_jump_back (fs, JS_OP_Jump, top);
          label_bind (fs, &done);
          emit_op (fs, JS_OP_Ldar, arr);
          target_store (fs, &t, init);
        }
      else
        {
          if (e->kind != AST_ELISION)
            target_prepare (fs, e, init, &t);
          emit_jump_r (fs, JS_OP_IteratorStep, it, &done);
          emit_jump (fs, JS_OP_Jump, &next);
          label_bind (fs, &done);
          emit_op (fs, JS_OP_LdaUndefined);
          label_bind (fs, &next);
          if (e->kind != AST_ELISION)
            store_with_default (fs, e, &t, init);
        }
      reg_free_to (fs, emark);
      label_free (&done);
      label_free (&next);
    }
  compile_iterator_scope_end (fs, &closing);
  emit_op (fs, JS_OP_IteratorClose, it);
  compile_close_on_throw (fs, &h, it);
  reg_free_to (fs, mark);
}

static void
assign_object (FuncState *fs, AstNode *p, bool init)
{
  uint32_t mark = fs->next_reg;
  uint32_t src = reg_alloc (fs);
  emit_op (fs, JS_OP_CheckObjectCoercible);
  emit_op (fs, JS_OP_Star, src);
  /* Keys already taken, for a rest element. */
  uint32_t nkeys = 0;
  bool has_rest = p->list.last && p->list.last->kind == AST_REST;
  uint32_t keys = has_rest ? reg_alloc_n (fs, p->list.count - 1) : 0;
  for (AstNode *e = p->list.first; e; e = e->next)
    {
      if (e->kind == AST_REST)
        {
          uint32_t rmark = fs->next_reg;
          Target t;
          target_prepare (fs, e->a, init, &t);
          emit_op (fs, JS_OP_Ldar, src);
          uint32_t dst = reg_alloc (fs);
          emit_op (fs, JS_OP_CopyDataPropsExcept, dst, keys, nkeys);
          emit_op (fs, JS_OP_Ldar, dst);
          target_store (fs, &t, init);
          reg_free_to (fs, rmark);
          continue;
        }
      uint32_t key = has_rest ? keys + nkeys++ : reg_alloc (fs);
      uint32_t emark = fs->next_reg;
      Target t;
      if (e->flags & AST_F_COMPUTED)
        {
          compile_expr (fs, e->a);
          emit_op (fs, JS_OP_ToPropertyKey);
          emit_op (fs, JS_OP_Star, key);
          /* The property's name, then the target, then the value. */
          target_prepare (fs, e->b, init, &t);
          emit_op (fs, JS_OP_Ldar, key);
          emit_op (fs, JS_OP_GetKeyed, src, ic_alloc (fs));
        }
      else
        {
          AstNode *k = e->a;
          if (k->kind == AST_NUMBER || k->kind == AST_BIGINT
              || (k->kind == AST_STRING && const_str_is_index (k->str)))
            {
              /* { 1: x }, { 1n: x }, { "1": x }: an index key. */
              if (k->kind == AST_STRING)
                emit_op (fs, JS_OP_LdaConst, const_string (fs, k->str));
              else
                compile_expr (fs, k);
              emit_op (fs, JS_OP_ToPropertyKey);
              emit_op (fs, JS_OP_Star, key);
              target_prepare (fs, e->b, init, &t);
              emit_op (fs, JS_OP_Ldar, key);
              emit_op (fs, JS_OP_GetKeyed, src, ic_alloc (fs));
            }
          else
            {
              uint32_t atom = const_atom (fs, k->str);
              if (has_rest)
                {
                  emit_op (fs, JS_OP_LdaConst, atom);
                  emit_op (fs, JS_OP_Star, key);
                }
              target_prepare (fs, e->b, init, &t);
              mark_position (fs, e);
              emit_op (fs, JS_OP_GetNamed, src, atom, ic_alloc (fs));
            }
        }
      store_with_default (fs, e->b, &t, init);
      reg_free_to (fs, emark);
      if (!has_rest)
        reg_free_to (fs, key);
    }
  reg_free_to (fs, mark);
}

/* A target with an optional default: target = default when the value is
 * undefined; anonymous functions take the target's name. */
static void
assign_with_default (FuncState *fs, AstNode *target, bool init)
{
  if (target->kind == AST_ASSIGN_PATTERN)
    {
      Label have;
      label_init (&have);
      emit_jump (fs, JS_OP_JumpIfNotUndefined, &have);
      AstNode *t = target->a;
      compile_named_value (fs, target->b,
                           t->kind == AST_IDENT ? t->str : NULL);
      label_bind (fs, &have);
      label_free (&have);
      compile_pattern_assign (fs, t, init);
      return;
    }
  compile_pattern_assign (fs, target, init);
}

void
compile_pattern_assign (FuncState *fs, AstNode *target, bool init)
{
  if (fs->c->failed)
    return;
  switch (target->kind)
    {
    case AST_IDENT:
      compile_store_ident (fs, target, init);
      break;
    case AST_MEMBER:
      assign_member (fs, target);
      break;
    case AST_ASSIGN_PATTERN:
      assign_with_default (fs, target, init);
      break;
    case AST_ARRAY_PATTERN:
    case AST_ARRAY:
      assign_array (fs, target, init);
      break;
    case AST_OBJECT_PATTERN:
    case AST_OBJECT:
      assign_object (fs, target, init);
      break;
    default:
      compile_error (fs, target, "invalid assignment target");
      break;
    }
}
