# Idiom seen in: chrismattmann/MLwithTensorFlow2ed ch15/train-hvd-vgg.py
# What it reproduces: VGG-Face-Lite with raw tf.Variable conv filters and `beta * l2_loss(filters)` added to the
#   cost, ported to a GradientTape loop with plain Keras SGD; beta was raised to 2.5 with lr 0.5, so
#   lr*beta = 1.25 and the decay alone flips the filters' sign each step (bug written by us in the repo's idiom).
import tensorflow as tf

from vgg_face_data import label_names, make_dataset

IMAGE_SIZE = 64
BATCH_SIZE = 512
LEARNING_RATE = 0.5
BETA = 2.5  # expect: WD301


def filters(shape):
    return tf.Variable(tf.random.normal(shape=shape, mean=0, stddev=10e-2))


conv1_1_filter = filters([3, 3, 3, 64])
conv1_2_filter = filters([3, 3, 64, 64])
conv2_1_filter = filters([3, 3, 64, 128])
conv2_2_filter = filters([3, 3, 128, 128])
conv3_1_filter = filters([3, 3, 128, 256])
fc_w = filters([8 * 8 * 256, len(label_names)])
fc_b = tf.Variable(tf.zeros([len(label_names)]))
variables = [conv1_1_filter, conv1_2_filter, conv2_1_filter, conv2_2_filter, conv3_1_filter, fc_w, fc_b]


def model(x):
    x = tf.nn.relu(tf.nn.conv2d(x, conv1_1_filter, strides=1, padding='SAME'))
    x = tf.nn.relu(tf.nn.conv2d(x, conv1_2_filter, strides=1, padding='SAME'))
    x = tf.nn.max_pool2d(x, 2, 2, padding='SAME')
    x = tf.nn.relu(tf.nn.conv2d(x, conv2_1_filter, strides=1, padding='SAME'))
    x = tf.nn.relu(tf.nn.conv2d(x, conv2_2_filter, strides=1, padding='SAME'))
    x = tf.nn.max_pool2d(x, 2, 2, padding='SAME')
    x = tf.nn.relu(tf.nn.conv2d(x, conv3_1_filter, strides=1, padding='SAME'))
    x = tf.nn.max_pool2d(x, 2, 2, padding='SAME')
    return tf.matmul(tf.reshape(x, [tf.shape(x)[0], -1]), fc_w) + fc_b


optimizer = tf.keras.optimizers.SGD(learning_rate=LEARNING_RATE)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        out = model(x)
        onehot_labels = tf.one_hot(y, len(label_names), on_value=1., off_value=0., axis=-1)
        cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=out, labels=onehot_labels))
        weights = [conv1_1_filter, conv1_2_filter, conv2_1_filter, conv2_2_filter, conv3_1_filter]
        regularizer = tf.add_n([tf.nn.l2_loss(w) for w in weights])
        cost = tf.reduce_mean(cost + BETA * regularizer)
    grads = tape.gradient(cost, variables)
    optimizer.apply_gradients(zip(grads, variables))
    return cost


for epoch in range(20):
    for images, labels in make_dataset(IMAGE_SIZE, BATCH_SIZE):
        cost = train_step(images, labels)
    tf.print("epoch", epoch, "cost", cost)
