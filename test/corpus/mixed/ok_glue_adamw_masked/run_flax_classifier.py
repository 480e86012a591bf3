# Idiom seen in: huggingface/transformers examples/flax/text-classification/run_flax_glue.py
# What it reproduces: the argparse-driven training script: --weight_decay goes to the masked adamw
# built in train_state_utils.py, the loss_fn differentiated by jax.value_and_grad has no penalty of
# its own, and the batches come from a collator module this workspace does not hold. No finding.
import argparse

import jax
from flax.jax_utils import replicate, unreplicate
from transformers import AutoConfig, FlaxAutoModelForSequenceClassification

from glue_data import glue_train_data_collator, load_glue_split
from train_state_utils import create_learning_rate_fn, create_train_state


def parse_args():
    parser = argparse.ArgumentParser(description="Finetune a transformers model on a text classification task")
    parser.add_argument("--task_name", type=str, default="mrpc")
    parser.add_argument("--model_name_or_path", type=str, required=True)
    parser.add_argument("--per_device_train_batch_size", type=int, default=8)
    parser.add_argument("--learning_rate", type=float, default=5e-5)
    parser.add_argument("--weight_decay", type=float, default=0.01)
    parser.add_argument("--num_train_epochs", type=int, default=3)
    parser.add_argument("--num_warmup_steps", type=int, default=0)
    parser.add_argument("--seed", type=int, default=3)
    return parser.parse_args()


def main():
    args = parse_args()
    train_dataset, num_labels = load_glue_split(args.task_name, "train")
    config = AutoConfig.from_pretrained(args.model_name_or_path, num_labels=num_labels)
    model = FlaxAutoModelForSequenceClassification.from_pretrained(args.model_name_or_path, config=config)

    train_batch_size = args.per_device_train_batch_size * jax.local_device_count()
    learning_rate_fn = create_learning_rate_fn(
        len(train_dataset), train_batch_size, args.num_train_epochs, args.num_warmup_steps, args.learning_rate
    )
    state = create_train_state(model, learning_rate_fn, num_labels=num_labels, weight_decay=args.weight_decay)

    def train_step(state, batch, dropout_rng):
        dropout_rng, new_dropout_rng = jax.random.split(dropout_rng)
        targets = batch.pop("labels")

        def loss_fn(params):
            logits = state.apply_fn(**batch, params=params, dropout_rng=dropout_rng, train=True)[0]
            return state.loss_fn(logits, targets)

        loss, grad = jax.value_and_grad(loss_fn)(state.params)
        grad = jax.lax.pmean(grad, "batch")
        new_state = state.apply_gradients(grads=grad)
        return new_state, jax.lax.pmean({"loss": loss}, axis_name="batch"), new_dropout_rng

    p_train_step = jax.pmap(train_step, axis_name="batch", donate_argnums=(0,))
    rng = jax.random.PRNGKey(args.seed)
    dropout_rngs = jax.random.split(rng, jax.local_device_count())
    state = replicate(state)
    for epoch in range(1, args.num_train_epochs + 1):
        rng, input_rng = jax.random.split(rng)
        for batch in glue_train_data_collator(input_rng, train_dataset, train_batch_size):
            state, metrics, dropout_rngs = p_train_step(state, batch, dropout_rngs)
        print(f"epoch {epoch}: {unreplicate(metrics)}")


if __name__ == "__main__":
    main()
