# Idiom seen in: PetarV-/GAT execute_cora.py
# What it reproduces: transductive Cora training with placeholders, masked loss, GAT.training(loss, lr, l2_coef) and early stopping on validation loss/accuracy.
import numpy as np
import tensorflow as tf

from gat_model import GAT
import citation_data

dataset = "cora"
batch_size = 1
nb_epochs = 100000
patience = 100
lr = 0.005
l2_coef = 0.0005
hid_units = [8]
n_heads = [8, 1]
checkpt_file = "pre_trained/cora/mod_cora.ckpt"

adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask = citation_data.load(dataset)
nb_nodes, ft_size = features.shape[0], features.shape[1]
nb_classes = y_train.shape[1]
features = features[np.newaxis]
biases = citation_data.adj_to_bias(adj[np.newaxis], [nb_nodes], nhood=1)

with tf.Graph().as_default():
    ftr_in = tf.placeholder(tf.float32, shape=(batch_size, nb_nodes, ft_size))
    bias_in = tf.placeholder(tf.float32, shape=(batch_size, nb_nodes, nb_nodes))
    lbl_in = tf.placeholder(tf.int32, shape=(batch_size, nb_nodes, nb_classes))
    msk_in = tf.placeholder(tf.int32, shape=(batch_size, nb_nodes))
    attn_drop = tf.placeholder(tf.float32, shape=())
    ffd_drop = tf.placeholder(tf.float32, shape=())
    is_train = tf.placeholder(tf.bool, shape=())

    logits = GAT.inference(ftr_in, nb_classes, is_train, attn_drop, ffd_drop, bias_in, hid_units, n_heads)
    log_resh = tf.reshape(logits, [-1, nb_classes])
    lab_resh = tf.reshape(lbl_in, [-1, nb_classes])
    msk_resh = tf.reshape(msk_in, [-1])
    loss = GAT.masked_softmax_cross_entropy(log_resh, lab_resh, msk_resh)
    accuracy = GAT.masked_accuracy(log_resh, lab_resh, msk_resh)
    train_op = GAT.training(loss, lr, l2_coef)

    saver = tf.train.Saver()
    best_val, curr_step = np.inf, 0
    with tf.Session() as sess:
        sess.run(tf.group(tf.global_variables_initializer(), tf.local_variables_initializer()))
        for epoch in range(nb_epochs):
            _, tr_loss, tr_acc = sess.run([train_op, loss, accuracy], feed_dict={
                ftr_in: features, bias_in: biases, lbl_in: y_train[np.newaxis], msk_in: train_mask[np.newaxis],
                is_train: True, attn_drop: 0.6, ffd_drop: 0.6})
            vl_loss, vl_acc = sess.run([loss, accuracy], feed_dict={
                ftr_in: features, bias_in: biases, lbl_in: y_val[np.newaxis], msk_in: val_mask[np.newaxis],
                is_train: False, attn_drop: 0.0, ffd_drop: 0.0})
            print("Training: loss = %.5f, acc = %.5f | Val: loss = %.5f, acc = %.5f"
                  % (tr_loss, tr_acc, vl_loss, vl_acc))
            if vl_loss < best_val:
                best_val, curr_step = vl_loss, 0
                saver.save(sess, checkpt_file)
            else:
                curr_step += 1
                if curr_step == patience:
                    print("Early stop at epoch", epoch)
                    break
