# Idiom seen in: keras-team/keras-io examples/nlp/parameter_efficient_finetuning_of_gpt2_with_lora.py
# What it reproduces: Keras 3 fine-tuning of a keras_hub GPT-2 with keras.optimizers.AdamW that means to
#   exclude bias and layernorm (gamma/beta) variables from decay with three exclude_from_weight_decay calls.
#   Each call REPLACES the exclusion set/pattern (keras/src/optimizers/base_optimizer.py), so only "beta"
#   is excluded in the end: every bias and every layernorm gamma is still decayed.
# label-note: WD203 on the weight_decay= line (decay applied to biases and normalization scales, despite the
#   exclusion calls). AdamW is decoupled (no WD202); no kernel regularizers (no WD201); lr*wd = 5e-7.
import argparse

import keras
import keras_hub

from reddit_data import load_reddit_tifu


def get_optimizer_and_loss(lr, weight_decay):
    optimizer = keras.optimizers.AdamW(
        learning_rate=lr,
        weight_decay=weight_decay,  # expect: WD203
        epsilon=1e-6,
        global_clipnorm=1.0,
    )
    # Exclude layernorm and bias terms from weight decay.
    optimizer.exclude_from_weight_decay(var_names=["bias"])
    optimizer.exclude_from_weight_decay(var_names=["gamma"])
    optimizer.exclude_from_weight_decay(var_names=["beta"])

    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    return optimizer, loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--weight-decay", type=float, default=0.01)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--seq-len", type=int, default=128)
    args = parser.parse_args()

    train_ds = load_reddit_tifu(batch_size=32, num_batches=500)

    preprocessor = keras_hub.models.GPT2CausalLMPreprocessor.from_preset(
        "gpt2_base_en", sequence_length=args.seq_len)
    gpt2_lm = keras_hub.models.GPT2CausalLM.from_preset(
        "gpt2_base_en", preprocessor=preprocessor)

    optimizer, loss = get_optimizer_and_loss(args.lr, args.weight_decay)
    gpt2_lm.compile(optimizer=optimizer, loss=loss,
                    weighted_metrics=["accuracy"])
    gpt2_lm.fit(train_ds, epochs=args.epochs)


if __name__ == "__main__":
    main()
