# Idiom seen in: sayakpaul/keras-convnext-conversion convert.py
# What it reproduces: the TensorFlow side of the same fine-tuning: the converted Keras ConvNeXt (no layer
#   regularizers) trained in a GradientTape loop with Keras AdamW, whose decoupled decay is kept off biases,
#   LayerNorms and layer-scale gammas by one exclude_from_weight_decay call. Clean.
import tensorflow as tf

from config import FINETUNE
from convnext import ConvNeXt
from datasets import get_flowers_dataset


def main():
    model = ConvNeXt(model_name=FINETUNE["model_name"], classes=FINETUNE["num_classes"])
    model.load_weights("convnext_tiny_notop.h5", by_name=True, skip_mismatch=True)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=FINETUNE["learning_rate"],
                                          weight_decay=FINETUNE["weight_decay"])
    optimizer.exclude_from_weight_decay(var_names=list(FINETUNE["no_decay"]))
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    train_ds = get_flowers_dataset(split="train", batch_size=FINETUNE["batch_size"])

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            loss = loss_fn(labels, model(images, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(FINETUNE["epochs"]):
        for images, labels in train_ds:
            loss = train_step(images, labels)
        print(epoch, float(loss))


if __name__ == "__main__":
    main()
