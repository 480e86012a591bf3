# Idiom seen in: sayakpaul/keras-convnext-conversion convert.py
# What it reproduces: mixed torch -> TF script: the PyTorch checkpoint is loaded with grad disabled, copied
#   into the Keras ConvNeXt (built with weight_decay from the shared config), then fine-tuned in a
#   tf.GradientTape loop. The loss is the cross entropy alone, model.losses never added (WD103 in convnext.py).
import argparse

import tensorflow as tf
import torch

import convnext_pt
from convnext import ConvNeXt
from model_configs import get_model_config
from datasets import get_flowers_dataset

torch.set_grad_enabled(False)


def parse_args():
    parser = argparse.ArgumentParser(description="Fine-tune the converted ConvNeXt.")
    parser.add_argument("-m", "--model-name", default="convnext_tiny", type=str)
    parser.add_argument("-c", "--checkpoint-path", type=str,
                        default="https://dl.fbaipublicfiles.com/convnext/convnext_tiny_1k_224_ema.pth")
    parser.add_argument("--epochs", default=10, type=int)
    return vars(parser.parse_args())


def port_weights(model_pt, model_tf):
    states = model_pt.state_dict()
    for layer in model_tf.layers:
        key = layer.name.split("_", 1)[-1]
        if isinstance(layer, tf.keras.layers.Dense) and key + ".weight" in states:
            layer.kernel.assign(states[key + ".weight"].numpy().T)
            layer.bias.assign(states[key + ".bias"].numpy())


def main(args):
    config = get_model_config(args["model_name"])
    model_pt = convnext_pt.convnext_tiny(args["checkpoint_path"], num_classes=1000).eval()
    model = ConvNeXt(depths=config.depths, projection_dims=config.dims, model_name=args["model_name"],
                     classes=102, weight_decay=config.weight_decay)
    port_weights(model_pt, model)

    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(config.learning_rate, momentum=0.9)
    train_ds = get_flowers_dataset(split="train", batch_size=64)

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = loss_fn(labels, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(args["epochs"]):
        for images, labels in train_ds:
            loss = train_step(images, labels)
        print(f"epoch {epoch}: loss {float(loss):.4f}")


if __name__ == "__main__":
    main(parse_args())
