# Idiom seen in: sanchit-gandhi/seq2seq-speech run_flax_speech_recognition_ctc.py
# What it reproduces: FlaxWav2Vec2 CTC fine-tuning with an HfArgumentParser dataclass; optax.adamw (or adafactor)
#   gets weight_decay from the training args and decay_mask_fn excludes biases and layer-norm scales. Clean.
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import train_state
from transformers import FlaxWav2Vec2ForCTC, HfArgumentParser

from arguments import FlaxTrainingArguments, ModelArguments
from data_utils import load_ctc_dataloader  # data pipeline, not part of this folder


class TrainState(train_state.TrainState):
    dropout_rng: jnp.ndarray


def create_learning_rate_fn(num_train_steps, num_warmup_steps, learning_rate):
    warmup_fn = optax.linear_schedule(init_value=0.0, end_value=learning_rate, transition_steps=num_warmup_steps)
    decay_fn = optax.linear_schedule(init_value=learning_rate, end_value=0,
                                     transition_steps=num_train_steps - num_warmup_steps)
    return optax.join_schedules(schedules=[warmup_fn, decay_fn], boundaries=[num_warmup_steps])


def main():
    parser = HfArgumentParser((ModelArguments, FlaxTrainingArguments))
    model_args, training_args = parser.parse_args_into_dataclasses()

    model = FlaxWav2Vec2ForCTC.from_pretrained(model_args.model_name_or_path, cache_dir=model_args.cache_dir)
    train_loader, steps_per_epoch = load_ctc_dataloader(training_args.per_device_train_batch_size)
    total_train_steps = steps_per_epoch * training_args.num_train_epochs
    linear_decay_lr_schedule_fn = create_learning_rate_fn(
        total_train_steps, training_args.warmup_steps, training_args.learning_rate)

    def decay_mask_fn(params):
        flat_params = traverse_util.flatten_dict(params)
        layer_norm_params = [(name, "scale") for name in ["layer_norm", "final_layer_norm"]]
        flat_mask = {path: (path[-1] != "bias" and path[-2:] not in layer_norm_params) for path in flat_params}
        return traverse_util.unflatten_dict(flat_mask)

    if training_args.adafactor:
        optim = optax.adafactor(
            learning_rate=linear_decay_lr_schedule_fn,
            weight_decay_rate=training_args.weight_decay,
            weight_decay_mask=decay_mask_fn,
        )
    else:
        optim = optax.adamw(
            learning_rate=linear_decay_lr_schedule_fn,
            b1=training_args.adam_beta1,
            b2=training_args.adam_beta2,
            eps=training_args.adam_epsilon,
            weight_decay=training_args.weight_decay,
            mask=decay_mask_fn,
        )

    rng = jax.random.PRNGKey(training_args.seed)
    rng, dropout_rng = jax.random.split(rng)
    state = TrainState.create(apply_fn=model.__call__, params=model.params, tx=optim, dropout_rng=dropout_rng)

    def ctc_loss(logits, logits_attention_mask, labels, blank_id):
        logit_paddings = 1 - logits_attention_mask
        label_paddings = jnp.where(labels < 0, 1, 0)
        labels = jnp.where(labels < 0, blank_id, labels)
        return optax.ctc_loss(logits, logit_paddings, labels, label_paddings, blank_id).mean()

    @jax.jit
    def train_step(state, batch):
        dropout_rng, new_dropout_rng = jax.random.split(state.dropout_rng)

        def compute_loss(params):
            labels = batch.pop("labels")
            outputs = state.apply_fn(**batch, params=params, dropout_rng=dropout_rng, train=True)
            logits_mask = model._get_feature_vector_attention_mask(outputs.logits.shape[1], batch["attention_mask"])
            return ctc_loss(outputs.logits, logits_mask, labels, model.config.pad_token_id)

        loss, grad = jax.value_and_grad(compute_loss)(state.params)
        new_state = state.apply_gradients(grads=grad, dropout_rng=new_dropout_rng)
        return new_state, {"loss": loss, "learning_rate": linear_decay_lr_schedule_fn(state.step)}

    for epoch in range(training_args.num_train_epochs):
        for batch in train_loader:
            state, metrics = train_step(state, dict(batch))
        print(f"epoch {epoch}: loss {float(metrics['loss']):.4f}")
    model.save_pretrained(training_args.output_dir, params=state.params)


if __name__ == "__main__":
    main()
