# Idiom seen in: borisdayma/dalle-mini tools/train/train.py
# What it reproduces: dalle-mini builds optax.adamw(..., weight_decay=training_args.weight_decay,
# mask=decay_mask_fn) where the mask drops every bias and every LayerNorm scale from the decay; the loss is the
# plain cross entropy. Clean.
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import train_state
from transformers import HfArgumentParser

from dalle_mini.model import DalleBart
from args import ModelArguments, TrainingArguments


def decay_mask_fn(params):
    flat_params = traverse_util.flatten_dict(params)
    layer_norm_params = [(name, "scale") for name in ["self_attn_layer_norm", "layernorm_embedding",
                                                         "final_layer_norm"]]
    flat_mask = {path: (path[-1] != "bias" and path[-2:] not in layer_norm_params) for path in flat_params}
    return traverse_util.unflatten_dict(flat_mask)


def main():
    parser = HfArgumentParser((ModelArguments, TrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses()
    model = DalleBart.from_pretrained(model_args.model_name_or_path, dtype=jnp.float32)
    learning_rate_fn = optax.linear_schedule(init_value=training_args.learning_rate, end_value=0,
                                             transition_steps=training_args.num_train_steps)
    optimizer = optax.adamw(
        learning_rate=learning_rate_fn,
        b1=training_args.beta1,
        b2=training_args.beta2,
        eps=training_args.adam_epsilon,
        weight_decay=training_args.weight_decay,
        mask=decay_mask_fn,
    )
    state = train_state.TrainState.create(apply_fn=model.__call__, params=model.params, tx=optimizer)

    def train_step(state, batch, dropout_rng):
        def compute_loss(params):
            labels = batch.pop("labels")
            logits = state.apply_fn(**batch, params=params, dropout_rng=dropout_rng, train=True)[0]
            return optax.softmax_cross_entropy(logits, jax.nn.one_hot(labels, logits.shape[-1])).mean()

        loss, grads = jax.value_and_grad(compute_loss)(state.params)
        return state.apply_gradients(grads=grads), loss

    p_train_step = jax.jit(train_step)
    rng = jax.random.PRNGKey(training_args.seed_model)
    for batch in training_args.train_batches():
        rng, dropout_rng = jax.random.split(rng)
        state, loss = p_train_step(state, batch, dropout_rng)


if __name__ == "__main__":
    main()
