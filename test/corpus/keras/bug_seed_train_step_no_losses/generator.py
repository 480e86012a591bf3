# Idiom seen in: yuh8/SEED generator.py
# What it reproduces: the supervised pre-training script: SeedGenerator built from core_model(), compiled with its own
#   loss_fn and fit on a data generator from a module the folder does not hold.
import tensorflow as tf

from base_model_utils import SeedGenerator, core_model, get_optimizer_step_decay, loss_func
from data_gen_utils import data_iterator_train, data_iterator_val
from CONSTS import BATCH_SIZE

if __name__ == "__main__":
    X, logits = core_model()
    model = SeedGenerator(inputs=X, outputs=logits)
    model.compile(optimizer=get_optimizer_step_decay(1e-3), loss_fn=loss_func)
    model.summary()
    callbacks = [tf.keras.callbacks.ModelCheckpoint('base_model/weights/', save_weights_only=True)]
    model.fit(data_iterator_train(),
              epochs=40,
              steps_per_epoch=400000 // BATCH_SIZE,
              validation_data=data_iterator_val(),
              validation_steps=200,
              callbacks=callbacks)
    model.save_weights("./base_model/weights/")
