# Idiom seen in: keras-team/keras-io examples/keras_recipes/parameter_efficient_finetuning_of_gemma_with_lora_and_qlora.py
# What it reproduces: Keras 3 LoRA fine-tuning of a keras_hub Gemma model with keras.optimizers.AdamW, with
#   bias and (RMS)norm "scale" variables excluded from decay in ONE exclude_from_weight_decay call.
# label-note: clean. AdamW is decoupled (no WD202); biases and norm scales are excluded (no WD203); no
#   regularizers anywhere (no WD201); lr*wd = 5e-7.
import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras
import keras_hub

from dolly_data import load_dolly_prompts

TRAIN = {
    "preset": "gemma2_2b_en",
    "lora_rank": 4,
    "sequence_length": 256,
    "learning_rate": 5e-5,
    "weight_decay": 0.01,
    "epochs": 1,
}


def build_lm(cfg):
    gemma_lm = keras_hub.models.GemmaCausalLM.from_preset(cfg["preset"])
    gemma_lm.backbone.enable_lora(rank=cfg["lora_rank"])
    gemma_lm.preprocessor.sequence_length = cfg["sequence_length"]
    return gemma_lm


def build_optimizer(cfg):
    optimizer = keras.optimizers.AdamW(
        learning_rate=cfg["learning_rate"],
        weight_decay=cfg["weight_decay"],
    )
    # Exclude layernorm and bias terms from decay.
    optimizer.exclude_from_weight_decay(var_names=["bias", "scale"])
    return optimizer


if __name__ == "__main__":
    data = load_dolly_prompts(limit=1000)
    gemma_lm = build_lm(TRAIN)
    gemma_lm.compile(
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        optimizer=build_optimizer(TRAIN),
        weighted_metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    gemma_lm.fit(data, epochs=TRAIN["epochs"], batch_size=1)
    gemma_lm.backbone.save_lora_weights("gemma_lora.lora.h5")
