# Idiom seen in: gahaalt/noicer-trainings train_wrn_on_cifar.py
# What it reproduces: a script-style trainer: strategy from a runtime helper, model + PiecewiseConstantDecay
# schedule + SGD(nesterov) + compile inside strategy.scope(), then fit; the conv L2 from resnet_v2.py is part of
# the compiled loss, and the optimizer has no weight_decay of its own (clean).
import math

import tensorflow.keras as keras

from resnet_v2 import wide_resnet
from scripts import datasets, runtime  # project helpers, not in this folder

BS_MULTIPLIER = 1

strategy = runtime.prepare_devices(mixed_precision=True, memory_growth=False, multi_gpu=True)
ds = datasets.cifar(train_batch_size=128 * BS_MULTIPLIER, valid_batch_size=256 * BS_MULTIPLIER)

with strategy.scope():
    model = wide_resnet((32, 32, 3), 10, depth=16, width=8, l2_regularization=5e-4)

    schedule = keras.optimizers.schedules.PiecewiseConstantDecay(
        boundaries=(400 / BS_MULTIPLIER, 24000 / BS_MULTIPLIER, 48000 / BS_MULTIPLIER, 64000 / BS_MULTIPLIER),
        values=(0.001 * BS_MULTIPLIER, 0.1 * BS_MULTIPLIER, 0.02 * BS_MULTIPLIER,
                0.004 * BS_MULTIPLIER, 0.0008 * BS_MULTIPLIER),
    )
    optimizer = keras.optimizers.SGD(learning_rate=schedule, momentum=0.9, nesterov=True)

    model.compile(
        optimizer=optimizer,
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=[
            keras.metrics.SparseCategoricalAccuracy(name="acc"),
            keras.metrics.SparseCategoricalCrossentropy(name="ce", from_logits=True),
        ],
    )

initial_epoch, logdir = runtime.load_checkpoint_if_available(model, optimizer)

model.fit(
    ds["train"],
    validation_data=ds["validation"],
    epochs=200,
    steps_per_epoch=math.ceil(390 / BS_MULTIPLIER),
    callbacks=runtime.get_logging_callbacks(logdir),
    initial_epoch=initial_epoch,
)
