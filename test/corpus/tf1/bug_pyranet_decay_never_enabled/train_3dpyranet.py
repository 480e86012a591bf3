# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/variables.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/applications.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D train_3dpyranet.py
# What it reproduces: get_variable_with_decay(..., weight_decay=None) guarded by `if weight_decay:` feeds a "weight_decay"
#   collection that compute_loss sums into the loss; weight_decay is handed down the layer builders, but the only
#   outermost value is params.WEIGHT_DECAY = 0.0 (flag moved into a params module): the decay never runs (WD303).
import tensorflow as tf

import params
import layers
from datasets import input_data


def compute_loss(name_scope, logits, labels):
    with tf.name_scope("Loss_{}".format(name_scope)):
        cross_entropy_mean = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
        tf.summary.scalar(name_scope + '_cross_entropy', cross_entropy_mean)

        weight_decay_loss = tf.get_collection('weight_decay')
        if len(weight_decay_loss) > 0:
            total_loss = cross_entropy_mean + tf.add_n(weight_decay_loss)
            tf.summary.scalar(name_scope + '_total_loss', total_loss)
        else:
            total_loss = cross_entropy_mean
        return total_loss


def train():
    train_x, train_y, val_x, val_y = input_data.read_dataset('train.npy', 'train_labels.npy',
                                                             'val.npy', 'val_labels.npy')
    batch_step = train_x.shape[0] // params.BATCH_SIZE
    train_batch = input_data.generate_batch(train_x, train_y, batch_size=params.BATCH_SIZE, shuffle=True)

    inputs = tf.placeholder(tf.float32, shape=(None, 16, 100, 100, 1), name="input")
    labels = tf.placeholder(tf.int64, shape=(None,), name="labels")
    global_step = tf.Variable(0, trainable=False, name="global_step")
    lr_decay = tf.train.exponential_decay(params.LEARNING_RATE, global_step,
                                          decay_steps=params.DECAY_STEPS * batch_step,
                                          decay_rate=params.DECAY_RATE, staircase=True)
    optimizer = tf.train.MomentumOptimizer(learning_rate=lr_decay, momentum=0.9)

    net = layers.strict_norm_net(inputs, feature_maps=params.FEATURE_MAPS,
                                 weight_decay=params.WEIGHT_DECAY)
    logits = layers.fc_layer(net, weight_size=params.NUM_CLASSES, act_fn=None,
                             name="FC_OUT", weight_decay=params.WEIGHT_DECAY)
    loss = compute_loss("emotions", logits, labels)
    train_op = optimizer.minimize(loss, global_step=global_step)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(params.MAX_EPOCHS * batch_step):
            batch_x, batch_y = next(train_batch)
            _, loss_val = sess.run([train_op, loss], feed_dict={inputs: batch_x, labels: batch_y})
            if step % batch_step == 0:
                print("epoch {}: loss {:.4f}".format(step // batch_step, loss_val))


if __name__ == "__main__":
    train()
