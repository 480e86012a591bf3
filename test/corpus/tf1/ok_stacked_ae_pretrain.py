# Idiom seen in: ageron/handson-ml 15_autoencoders.ipynb (stacked autoencoder trained one phase at a time)
# What it reproduces: untied stacked autoencoder used as an anomaly scorer on network-flow features: a
#   regularizer object l2_regularizer(l2_reg) is applied to the weight variables by hand
#   (regularizer(weights1) + regularizer(weights4)) and each phase minimizes reconstruction + its reg_loss.
#   Clean: both phase losses that are minimized include their regularization terms.
import numpy as np
import tensorflow as tf

from flow_features import load_kdd_features

n_inputs = 41
n_hidden1 = 32
n_hidden2 = 8  # codings
n_hidden3 = n_hidden1
n_outputs = n_inputs

learning_rate = 0.01
l2_reg = 0.0001

activation = tf.nn.elu
regularizer = tf.contrib.layers.l2_regularizer(l2_reg)
initializer = tf.contrib.layers.variance_scaling_initializer()

X = tf.placeholder(tf.float32, shape=[None, n_inputs])

weights1 = tf.Variable(initializer([n_inputs, n_hidden1]), dtype=tf.float32, name="weights1")
weights2 = tf.Variable(initializer([n_hidden1, n_hidden2]), dtype=tf.float32, name="weights2")
weights3 = tf.Variable(initializer([n_hidden2, n_hidden3]), dtype=tf.float32, name="weights3")
weights4 = tf.Variable(initializer([n_hidden3, n_outputs]), dtype=tf.float32, name="weights4")

biases1 = tf.Variable(tf.zeros(n_hidden1), name="biases1")
biases2 = tf.Variable(tf.zeros(n_hidden2), name="biases2")
biases3 = tf.Variable(tf.zeros(n_hidden3), name="biases3")
biases4 = tf.Variable(tf.zeros(n_outputs), name="biases4")

hidden1 = activation(tf.matmul(X, weights1) + biases1)
hidden2 = activation(tf.matmul(hidden1, weights2) + biases2)
hidden3 = activation(tf.matmul(hidden2, weights3) + biases3)
outputs = tf.matmul(hidden3, weights4) + biases4

reconstruction_loss = tf.reduce_mean(tf.square(outputs - X))
anomaly_score = tf.reduce_mean(tf.square(outputs - X), axis=1)

optimizer = tf.train.AdamOptimizer(learning_rate)

with tf.name_scope("phase1"):
    phase1_outputs = tf.matmul(hidden1, weights4) + biases4  # bypass hidden2 and hidden3
    phase1_reconstruction_loss = tf.reduce_mean(tf.square(phase1_outputs - X))
    phase1_reg_loss = regularizer(weights1) + regularizer(weights4)
    phase1_loss = phase1_reconstruction_loss + phase1_reg_loss
    phase1_training_op = optimizer.minimize(phase1_loss)

with tf.name_scope("phase2"):
    phase2_reconstruction_loss = tf.reduce_mean(tf.square(hidden3 - hidden1))
    phase2_reg_loss = regularizer(weights2) + regularizer(weights3)
    phase2_loss = phase2_reconstruction_loss + phase2_reg_loss
    train_vars = [weights2, biases2, weights3, biases3]
    phase2_training_op = optimizer.minimize(phase2_loss, var_list=train_vars)  # freeze hidden1

init = tf.global_variables_initializer()
saver = tf.train.Saver()

training_ops = [phase1_training_op, phase2_training_op]
reconstruction_losses = [phase1_reconstruction_loss, phase2_reconstruction_loss]
n_epochs = [4, 4]
batch_sizes = [150, 150]

X_train, X_test, y_test = load_kdd_features("data/kddcup.data_10_percent", normal_only_train=True)

with tf.Session() as sess:
    init.run()
    for phase in range(2):
        print("Training phase #{}".format(phase + 1))
        for epoch in range(n_epochs[phase]):
            n_batches = len(X_train) // batch_sizes[phase]
            for iteration in range(n_batches):
                idx = np.random.randint(len(X_train), size=batch_sizes[phase])
                sess.run(training_ops[phase], feed_dict={X: X_train[idx]})
            loss_train = reconstruction_losses[phase].eval(feed_dict={X: X_train[idx]})
            print(epoch, "Train MSE:", loss_train)
            saver.save(sess, "./my_model_one_at_a_time.ckpt")
    scores = anomaly_score.eval(feed_dict={X: X_test})
    threshold = np.percentile(scores, 95)
    print("flagged:", np.mean(scores > threshold), "true anomaly rate:", np.mean(y_test))
