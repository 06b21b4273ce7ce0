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

static void
assign_member (FuncState *fs, AstNode *m)
{
  uint32_t mark = fs->next_reg;
  uint32_t val = reg_alloc (fs), obj = reg_alloc (fs), key = reg_alloc (fs);
  emit_op (fs, JS_OP_Star, val);
  if (m->a->kind == AST_SUPER)
    compile_load_this (fs);
  else
    compile_expr (fs, m->a);
  emit_op (fs, JS_OP_Star, obj);
  if (m->flags & AST_F_COMPUTED)
    {
      compile_expr (fs, m->b);
      emit_op (fs, JS_OP_ToPropertyKey);
      emit_op (fs, JS_OP_Star, key);
    }
  else if (m->b->kind == AST_PRIVATE_NAME)
    {
      compile_expr (fs, m->b);
      emit_op (fs, JS_OP_Star, key);
    }
  emit_op (fs, JS_OP_Ldar, val);
  mark_position (fs, m);
  if (m->a->kind == AST_SUPER)
    {
      if (!(m->flags & AST_F_COMPUTED))
        {
          emit_op (fs, JS_OP_LdaConst, const_atom (fs, m->b->str));
          emit_op (fs, JS_OP_Star, key);
          emit_op (fs, JS_OP_Ldar, val);
        }
      emit_op (fs, JS_OP_SetSuper, obj, key);
    }
  else if (m->flags & AST_F_COMPUTED)
    emit_op (fs, fs->strict ? JS_OP_SetKeyedStrict : JS_OP_SetKeyed, obj,
             key, ic_alloc (fs));
  else if (m->b->kind == AST_PRIVATE_NAME)
    emit_op (fs, JS_OP_SetPrivate, obj, key);
  else
    emit_op (fs, fs->strict ? JS_OP_SetNamedStrict : JS_OP_SetNamed, obj,
             const_atom (fs, m->b->str), ic_alloc (fs));
  reg_free_to (fs, mark);
}

static void
assign_array (FuncState *fs, AstNode *p, bool init)
{
  uint32_t mark = fs->next_reg;
  uint32_t it = reg_alloc_n (fs, 2);
  emit_op (fs, JS_OP_GetIterator, it);
  /* A throw while the elements are bound closes the iterator, unless the
     iterator itself threw (IteratorStep then leaves it done). */
  JsHandler h = { fs->code->len, 0, 0 };
  for (AstNode *e = p->list.first; e; e = e->next)
    {
      Label done, next;
      label_init (&done);
      label_init (&next);
      if (e->kind == AST_REST)
        {
          /* The rest of the values, into a new array. */
          uint32_t arr = reg_alloc (fs);
          emit_op (fs, JS_OP_CreateArray, 0u);
          emit_op (fs, JS_OP_Star, arr);
          uint32_t top = fs->code->len;
          emit_jump_r (fs, JS_OP_IteratorStep, it, &done);
          emit_op (fs, JS_OP_ArrayPush, arr);
          emit_jump_back (fs, JS_OP_Jump, top);
          label_bind (fs, &done);
          emit_op (fs, JS_OP_Ldar, arr);
          compile_pattern_assign (fs, e->a, init);
          reg_free_to (fs, arr);
        }
      else
        {
          emit_jump_r (fs, JS_OP_IteratorStep, it, &done);
          emit_jump (fs, JS_OP_Jump, &next);
          label_bind (fs, &done);
          emit_op (fs, JS_OP_LdaUndefined);
          label_bind (fs, &next);
          if (e->kind != AST_ELISION)
            assign_with_default (fs, e, init);
        }
      label_free (&done);
      label_free (&next);
    }
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
          emit_op (fs, JS_OP_Ldar, src);
          uint32_t dst = reg_alloc (fs);
          emit_op (fs, JS_OP_CopyDataPropsExcept, dst, keys, nkeys);
          emit_op (fs, JS_OP_Ldar, dst);
          compile_pattern_assign (fs, e->a, init);
          reg_free_to (fs, dst);
          continue;
        }
      uint32_t key = has_rest ? keys + nkeys++ : reg_alloc (fs);
      if (e->flags & AST_F_COMPUTED)
        {
          compile_expr (fs, e->a);
          emit_op (fs, JS_OP_ToPropertyKey);
          emit_op (fs, JS_OP_Star, key);
          emit_op (fs, JS_OP_GetKeyed, src, ic_alloc (fs));
        }
      else
        {
          AstNode *k = e->a;
          if (k->kind == AST_NUMBER
              || (k->kind == AST_STRING && const_str_is_index (k->str)))
            {
              emit_op (fs, JS_OP_LdaConst,
                       k->kind == AST_NUMBER ? const_number (fs, k->num)
                                             : const_string (fs, k->str));
              emit_op (fs, JS_OP_ToPropertyKey);
              emit_op (fs, JS_OP_Star, key);
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
              mark_position (fs, e);
              emit_op (fs, JS_OP_GetNamed, src, atom, ic_alloc (fs));
            }
        }
      assign_with_default (fs, e->b, init);
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
