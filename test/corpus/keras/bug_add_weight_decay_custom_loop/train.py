# Idiom seen in: andresatcontext/Temp_active utils/model_utils.py (add_weight_decay helper)
#                YunYang1994/TensorFlow2.0-Examples 4-Object_Detection/YOLOV3/train.py (step function shape)
# What it reproduces: a MobileNetV2 classifier gets add_weight_decay(model, 4e-5) and is trained with
# a tf.function GradientTape step whose loss is the cross entropy only: model.losses is left out.
import argparse

import tensorflow as tf
import tensorflow_datasets as tfds

from utils.model_utils import add_weight_decay, freeze_bn

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='oxford_flowers102')
parser.add_argument('--image_size', default=224, type=int)
parser.add_argument('--batch_size', default=64, type=int)
parser.add_argument('--epochs', default=40, type=int)
parser.add_argument('--lr', default=0.045, type=float)
parser.add_argument('--weight_decay', default=4e-5, type=float)


def preprocess(image, label, size):
    image = tf.image.resize(tf.cast(image, tf.float32) / 255.0, (size, size))
    return image, label


def main():
    args = parser.parse_args()
    (train_ds, val_ds), info = tfds.load(args.dataset, split=['train', 'validation'],
                                         as_supervised=True, with_info=True)
    num_classes = info.features['label'].num_classes
    train_ds = train_ds.map(lambda x, y: preprocess(x, y, args.image_size)).shuffle(1024).batch(args.batch_size)
    val_ds = val_ds.map(lambda x, y: preprocess(x, y, args.image_size)).batch(args.batch_size)

    model = tf.keras.applications.MobileNetV2(input_shape=(args.image_size, args.image_size, 3),
                                              weights=None, classes=num_classes, classifier_activation=None)
    add_weight_decay(model, args.weight_decay)
    freeze_bn(model)

    optimizer = tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    train_acc = tf.keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = loss_fn(labels, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        train_acc.update_state(labels, logits)
        return loss

    for epoch in range(args.epochs):
        train_acc.reset_states()
        for images, labels in train_ds:
            loss = train_step(images, labels)
        print('epoch %d loss %.4f acc %.4f' % (epoch, float(loss), float(train_acc.result())))


if __name__ == '__main__':
    main()
