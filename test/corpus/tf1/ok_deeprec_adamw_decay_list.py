# Idiom seen in: DeepRec-AI/DeepRec docs/docs_zh/AdamW-Optimizer.md
# What it reproduces: DeepRec's tf.train.AdamWOptimizer(weight_decay=..., learning_rate=...) used through
#   compute_gradients/apply_gradients on an embedding + MLP click model; apply_gradients gets decay_var_list with
#   only the embedding table and the dense kernels (no biases), and the loss carries no L2 of its own. Clean.
import argparse

import tensorflow as tf

from criteo_input import make_batches

parser = argparse.ArgumentParser()
parser.add_argument('--weight_decay', type=float, default=0.01)
parser.add_argument('--learning_rate', type=float, default=0.001)
parser.add_argument('--steps', type=int, default=20000)
parser.add_argument('--emb_dim', type=int, default=16)
args = parser.parse_args()

ids, dense, label = make_batches(batch_size=512)

emb_var = tf.get_variable("emb_var", shape=[100000, args.emb_dim],
                          initializer=tf.truncated_normal_initializer(stddev=0.05))
emb = tf.nn.embedding_lookup(emb_var, ids)
emb = tf.reshape(emb, [-1, emb.shape[1] * args.emb_dim])

net = tf.concat([emb, dense], axis=1)
for i, units in enumerate([256, 128]):
    net = tf.layers.dense(net, units, activation=tf.nn.relu, name='dnn_%d' % i)
logits = tf.squeeze(tf.layers.dense(net, 1, name='logits'), axis=1)

loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=label, logits=logits))

gs = tf.train.get_or_create_global_step()
opt = tf.train.AdamWOptimizer(weight_decay=args.weight_decay,
                              learning_rate=args.learning_rate,
                              beta1=0.9, beta2=0.999, epsilon=1e-8)
decay_vars = [v for v in tf.trainable_variables() if v.name.endswith('kernel:0') or v is emb_var]
g_v = opt.compute_gradients(loss)
train_op = opt.apply_gradients(g_v, global_step=gs, decay_var_list=decay_vars)

sess_config = tf.ConfigProto(allow_soft_placement=True, log_device_placement=False)
with tf.Session(config=sess_config) as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(args.steps):
        _, loss_value = sess.run([train_op, loss])
        if step % 1000 == 0:
            print('step %d loss %.5f' % (step, loss_value))
