# Idiom seen in: yeyinthtoon/kyolo train_jax.py
# What it reproduces: hydra main() on the JAX backend (keras.distribution.DataParallel, mixed
#   precision by accelerator), a cosine schedule with warmup, an optimizer with weight_decay and
#   exclude_from_weight_decay(gamma/beta/bias), compile + fit. The user's model also carries
#   kernel_regularizer on every conv (build.py): the kernels are decayed twice.
#   The repository's own model has no regularizers; this is a realistic user mistake.
import os
from pathlib import Path

os.environ["KERAS_BACKEND"] = "jax"

import hydra
import jax
import keras
from omegaconf import OmegaConf

from build import build_model
from kyolo.data.dataset import build_tfrec_dataset


@hydra.main(config_path="configs", config_name="config", version_base=None)
def main(config):
    devices = jax.devices()
    keras.distribution.set_distribution(keras.distribution.DataParallel(devices=devices))
    if config.common.mixed_precision:
        policy = "mixed_bfloat16" if jax.default_backend() == "tpu" else "mixed_float16"
        keras.mixed_precision.set_global_policy(policy)

    data_config = OmegaConf.to_object(config.data)
    train_dataset = build_tfrec_dataset(list(Path(config.dataset.train_tfrecs).glob("*.tfrecord")),
                                        data_config, config.task, "train")
    val_dataset = build_tfrec_dataset(list(Path(config.dataset.val_tfrecs).glob("*.tfrecord")),
                                      data_config, config.task, "val")

    model = build_model(OmegaConf.to_object(config.model))
    schedule = keras.optimizers.schedules.CosineDecay(
        0.0, 15 * 97, alpha=0.0, warmup_target=1e-3, warmup_steps=15 * 3)
    optimizer = keras.optimizers.AdamW(learning_rate=schedule, weight_decay=0.0005)
    optimizer.exclude_from_weight_decay(var_names=["gamma", "beta", "moving_mean", "moving_variance", "bias"])
    model.compile(
        optimizer=optimizer,
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
        jit_compile=True,
    )
    outdir = Path(config.save_dir)
    model.fit(
        train_dataset,
        epochs=config.common.max_epoch,
        validation_data=val_dataset,
        callbacks=[keras.callbacks.ModelCheckpoint(filepath=outdir / "best.keras", save_best_only=True),
                   keras.callbacks.TerminateOnNaN()],
    )


if __name__ == "__main__":
    main()
