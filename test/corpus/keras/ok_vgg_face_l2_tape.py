# Idiom seen in: chrismattmann/MLwithTensorFlow2ed ch15/train-hvd-vgg.py
# What it reproduces: VGG-Face-Lite filters as tf.Variables with `cost + beta * l2_loss(filters)` (beta 0.01)
#   computed inside the tape and differentiated, plain SGD with lr 0.01. Clean.
import tensorflow as tf

from vgg_face_data import label_names, make_dataset

BATCH_SIZE = 512
beta = 0.01  # regularization - was 0.1, changed to 0.01


def filters(shape):
    return tf.Variable(tf.random.normal(shape=shape, mean=0, stddev=10e-2))


conv1_filter = filters([3, 3, 3, 64])
conv2_filter = filters([3, 3, 64, 128])
conv3_filter = filters([3, 3, 128, 256])
fc_w = filters([8 * 8 * 256, len(label_names)])
fc_b = tf.Variable(tf.zeros([len(label_names)]))
trainable = [conv1_filter, conv2_filter, conv3_filter, fc_w, fc_b]


def model(x):
    for f in (conv1_filter, conv2_filter, conv3_filter):
        x = tf.nn.relu(tf.nn.conv2d(x, f, strides=1, padding='SAME'))
        x = tf.nn.max_pool2d(x, 2, 2, padding='SAME')
    return tf.matmul(tf.reshape(x, [tf.shape(x)[0], -1]), fc_w) + fc_b


optimizer = tf.keras.optimizers.SGD(learning_rate=0.01)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        out = model(x)
        onehot = tf.one_hot(y, len(label_names))
        cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=out, labels=onehot))
        regularizer = tf.nn.l2_loss(conv1_filter) + tf.nn.l2_loss(conv2_filter) + tf.nn.l2_loss(conv3_filter)
        cost = cost + beta * regularizer
    grads = tape.gradient(cost, trainable)
    optimizer.apply_gradients(zip(grads, trainable))
    return cost


for epoch in range(20):
    for images, labels in make_dataset(64, BATCH_SIZE):
        cost = train_step(images, labels)
    tf.print("epoch", epoch, "cost", cost)
