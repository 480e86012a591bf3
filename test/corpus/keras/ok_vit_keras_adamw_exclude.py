# Idiom seen in: WZMIAOMIAO/deep-learning-for-image-processing tensorflow_classification/vision_transformer/train.py
# What it reproduces: ViT fine-tuning with the Keras 2.11+ AdamW (decoupled decay) instead of SGD +
#   hand-written L2; biases, LayerNorm parameters, the position embedding and the cls token are excluded
#   with a single exclude_from_weight_decay call; no layer regularizers, so no double decay. Clean.
import tensorflow as tf

from vit_model import vit_base_patch16_224_in21k as create_model
from utils import generate_ds


def main():
    batch_size, epochs, num_classes = 8, 10, 5
    train_ds, val_ds = generate_ds("/data/flower_photos", batch_size=batch_size, val_rate=0.2)
    model = create_model(num_classes=num_classes)
    model.build((1, 224, 224, 3))
    model.load_weights('./ViT-B_16.h5', by_name=True, skip_mismatch=True)

    schedule = tf.keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=epochs * len(train_ds), alpha=0.01)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=schedule, weight_decay=0.05)
    optimizer.exclude_from_weight_decay(var_names=["bias", "LayerNorm", "encoder_norm", "pos_embed", "cls"])

    model.compile(optimizer=optimizer,
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(train_ds, validation_data=val_ds, epochs=epochs,
              callbacks=[tf.keras.callbacks.ModelCheckpoint("./save_weights/model.ckpt",
                                                            save_weights_only=True, save_best_only=True,
                                                            monitor="val_accuracy")])


if __name__ == '__main__':
    main()
