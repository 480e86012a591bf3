# Idiom seen in: bbietzsche/Video-Processing custom_model.py
# What it reproduces: compile + fit of the CustomModel with the repo's data generator; fit runs the
#   overridden train_step, whose compute_loss includes the regularization losses (clean).
import tensorflow as tf

from sequence_model import get_sequence_model
from data_generator import DataGenerator

EPOCHS = 40
BATCH_SIZE = 16

if __name__ == "__main__":
    train_gen = DataGenerator("data/train_features", batch_size=BATCH_SIZE, shuffle=True)
    val_gen = DataGenerator("data/val_features", batch_size=BATCH_SIZE, shuffle=False)
    model = get_sequence_model()
    model.compile(loss="sparse_categorical_crossentropy",
                  optimizer=tf.keras.optimizers.Adam(learning_rate=3e-4),
                  metrics=["accuracy"])
    checkpoint = tf.keras.callbacks.ModelCheckpoint("checkpoints/seq_model", save_weights_only=True,
                                                    save_best_only=True, monitor="val_accuracy")
    model.fit(train_gen, validation_data=val_gen, epochs=EPOCHS, callbacks=[checkpoint])
