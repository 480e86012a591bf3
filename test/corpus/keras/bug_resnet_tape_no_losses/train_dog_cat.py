# Idiom seen in: ishwarsawale/tensorflow_practice computer_vision/resnet_tf/train_dog_cat.py
# Idiom seen in: ishwarsawale/tensorflow_practice computer_vision/resnet_tf/resnet.py
# What it reproduces: argparse training script with a @tf.function train_step; the tape differentiates
#   loss_object(labels, predictions) only, so the l2 kernel regularizers of resnet.py / residual_block.py are
#   never part of the gradient (the --weight_decay option does nothing; user mistake).
import argparse

import tensorflow as tf

from resnet import resnet_18, resnet_34

parser = argparse.ArgumentParser()
parser.add_argument("--model", type=str, default='resnet18')
parser.add_argument("--image_size", type=int, default=180)
parser.add_argument("--channels", type=int, default=3)
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--batch_size", type=int, default=8)
parser.add_argument("--num_classes", type=int, default=2)
parser.add_argument("--weight_decay", type=float, default=1e-4)
parser.add_argument("--save_dir", type=str, default='graph')
parser.add_argument("--dataset_dir", type=str, default='input_dataset')
args = parser.parse_args()


def get_model():
    if args.model == "resnet34":
        model = resnet_34(args.num_classes, weight_decay=args.weight_decay)
    else:
        model = resnet_18(args.num_classes, weight_decay=args.weight_decay)
    model.build(input_shape=(None, args.image_size, args.image_size, args.channels))
    model.summary()
    return model


def train():
    train_dataset = tf.keras.preprocessing.image_dataset_from_directory(
        args.dataset_dir, validation_split=0.2, subset='training', seed=1337,
        image_size=(args.image_size, args.image_size), batch_size=args.batch_size)

    model = get_model()
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy()
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            predictions = model(images, training=True)
            loss = loss_object(y_true=labels, y_pred=predictions)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(grads_and_vars=zip(gradients, model.trainable_variables))
        train_loss(loss)
        train_accuracy(labels, predictions)

    for epoch in range(args.epochs):
        train_loss.reset_states()
        train_accuracy.reset_states()
        for images, labels in train_dataset:
            train_step(images, labels)
        print(f"Epoch: {epoch} loss: {train_loss.result()} accuracy: {train_accuracy.result()}")

    model.save_weights(filepath=args.save_dir, save_format='tf')


if __name__ == '__main__':
    train()
