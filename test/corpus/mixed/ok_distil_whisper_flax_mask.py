# Idiom seen in: huggingface/distil-whisper training/flax/run_finetuning.py
# What it reproduces: the Flax Whisper fine-tuning script: HfArgumentParser training arguments, optax.adamw with
# weight_decay from the arguments and mask=decay_mask_fn (no decay on biases and the Whisper layer-norm scales),
# a pmapped value_and_grad train step on a TrainState: decoupled decay on the weight matrices only, clean.

import sys
from dataclasses import dataclass, field
from typing import Callable

import jax
import jax.numpy as jnp
import optax
from flax import jax_utils, traverse_util
from flax.training import train_state
from flax.training.common_utils import onehot, shard
from transformers import FlaxWhisperForConditionalGeneration, HfArgumentParser, Seq2SeqTrainingArguments

from data_utils import get_data_loader, load_vectorized_datasets


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="distil-whisper/distil-large-v2")
    freeze_encoder: bool = field(default=False)


@dataclass
class FlaxSeq2SeqTrainingArguments(Seq2SeqTrainingArguments):
    label_smoothing_factor: float = field(default=0.0)


class TrainState(train_state.TrainState):
    dropout_rng: jnp.ndarray

    def replicate(self):
        return jax_utils.replicate(self).replace(dropout_rng=jax.random.split(self.dropout_rng, jax.local_device_count()))


def create_learning_rate_fn(num_train_steps: int, num_warmup_steps: int, learning_rate: float) -> Callable:
    warmup_fn = optax.linear_schedule(init_value=0.0, end_value=learning_rate, transition_steps=num_warmup_steps)
    decay_fn = optax.linear_schedule(init_value=learning_rate, end_value=0.0,
                                     transition_steps=num_train_steps - num_warmup_steps)
    return optax.join_schedules(schedules=[warmup_fn, decay_fn], boundaries=[num_warmup_steps])


def main():
    parser = HfArgumentParser((ModelArguments, FlaxSeq2SeqTrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses(sys.argv[1:])

    model = FlaxWhisperForConditionalGeneration.from_pretrained(model_args.model_name_or_path)
    vectorized_datasets = load_vectorized_datasets(model_args.model_name_or_path)

    rng = jax.random.PRNGKey(training_args.seed)
    rng, dropout_rng = jax.random.split(rng)
    num_epochs = int(training_args.num_train_epochs)
    train_batch_size = int(training_args.per_device_train_batch_size) * jax.device_count()
    steps_per_epoch = len(vectorized_datasets["train"]) // train_batch_size
    total_train_steps = steps_per_epoch * num_epochs

    linear_decay_lr_schedule_fn = create_learning_rate_fn(
        total_train_steps, training_args.warmup_steps, training_args.learning_rate)

    # We use Optax's "masking" functionality to not apply weight decay
    # to bias and LayerNorm scale parameters.
    def decay_mask_fn(params):
        flat_params = traverse_util.flatten_dict(params)
        layer_norm_candidates = ["layer_norm", "self_attn_layer_norm", "final_layer_norm", "encoder_attn_layer_norm"]
        layer_norm_named_params = {
            layer[-2:]
            for layer_norm_name in layer_norm_candidates
            for layer in flat_params.keys()
            if layer_norm_name in "".join(layer).lower()
        }
        flat_mask = {path: path[-1] != "bias" and path[-2:] not in layer_norm_named_params for path in flat_params}
        return traverse_util.unflatten_dict(flat_mask)

    adamw = optax.adamw(
        learning_rate=linear_decay_lr_schedule_fn,
        b1=training_args.adam_beta1,
        b2=training_args.adam_beta2,
        eps=training_args.adam_epsilon,
        weight_decay=training_args.weight_decay,
        mask=decay_mask_fn,
    )
    state = TrainState.create(apply_fn=model.__call__, params=model.params, tx=adamw, dropout_rng=dropout_rng)

    def loss_fn(logits, labels, label_smoothing_factor=0.0):
        vocab_size = logits.shape[-1]
        confidence = 1.0 - label_smoothing_factor
        low_confidence = (1.0 - confidence) / (vocab_size - 1)
        soft_labels = onehot(labels, vocab_size, on_value=confidence, off_value=low_confidence)
        loss = optax.softmax_cross_entropy(logits, soft_labels)
        padding_mask = labels >= 0
        return (loss * padding_mask).sum(), padding_mask.sum()

    def train_step(state, batch, label_smoothing_factor=0.0):
        dropout_rng, new_dropout_rng = jax.random.split(state.dropout_rng)

        def compute_loss(params):
            labels = batch.pop("labels")
            logits = state.apply_fn(**batch, params=params, dropout_rng=dropout_rng, train=True)[0]
            return loss_fn(logits, labels, label_smoothing_factor)

        (loss, num_labels), grad = jax.value_and_grad(compute_loss, has_aux=True)(state.params)
        num_labels = jax.lax.psum(num_labels, "batch")
        loss = jax.lax.psum(loss, "batch") / num_labels
        grad = jax.tree_util.tree_map(lambda x: x / num_labels, jax.lax.psum(grad, "batch"))
        new_state = state.apply_gradients(grads=grad, dropout_rng=new_dropout_rng)
        return new_state, {"loss": loss, "learning_rate": linear_decay_lr_schedule_fn(state.step)}

    p_train_step = jax.pmap(lambda s, b: train_step(s, b, training_args.label_smoothing_factor), "batch",
                            donate_argnums=(0,))
    state = state.replicate()
    for epoch in range(num_epochs):
        for batch in get_data_loader(vectorized_datasets["train"], train_batch_size, shuffle=True, seed=epoch):
            state, metrics = p_train_step(state, shard(batch))
        print(f"epoch {epoch}: loss {jax_utils.unreplicate(metrics)['loss']:.4f}")


if __name__ == "__main__":
    main()
