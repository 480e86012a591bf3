# Idiom seen in: AltschulerWu-Lab/scScope scscope/scscope/large_scale_processing.py
# Idiom seen in: AltschulerWu-Lab/scScope scscope/scscope/ops.py
# What it reproduces: the scScope training graph: every _variable_with_weight_decay(...) call passes
# wd=0 although tower_loss() adds up the 'losses' collection for Adam, so no decay is ever applied.
import numpy as np
import tensorflow as tf

from ops import average_gradients, _variable_with_weight_decay, _variable_on_cpu


def Inference(input_d, latent_code_dim, T, encoder_layers, decoder_layers, exp_batch_idx, re_use=False):
    input_dim = input_d.get_shape().as_list()[1]
    with tf.variable_scope('scScope', reuse=re_use):
        exp_batch_dim = exp_batch_idx.get_shape().as_list()[1]
        with tf.variable_scope('batch_effect_removal'):
            batch_effect_weight = _variable_with_weight_decay('batch_effect_weight',
                                                              [exp_batch_dim, input_dim],
                                                              stddev=0, wd=0)
            batch_effect = tf.matmul(exp_batch_idx, batch_effect_weight)

        with tf.variable_scope('inference'):
            dims = [input_dim] + list(encoder_layers)
            enc_W = [_variable_with_weight_decay('encoder_layer%d' % l, [dims[l], dims[l + 1]],
                                                 stddev=0.1, wd=0) for l in range(len(encoder_layers))]
            enc_b = [_variable_on_cpu('encoder_layer_bias%d' % l, [dims[l + 1]],
                                      tf.constant_initializer(0)) for l in range(len(encoder_layers))]
            W_fea = _variable_with_weight_decay('latent_layer_weights', [dims[-1], latent_code_dim],
                                                stddev=0.1, wd=0)
            b_fea = _variable_on_cpu('latent_layer_bias', [latent_code_dim], tf.constant_initializer(0))
            W_recon = _variable_with_weight_decay('reconstruction_layer_weights',
                                                  [latent_code_dim, input_dim], stddev=0.1, wd=0)
            b_recon = _variable_on_cpu('reconstruction_layer_bias', [input_dim],
                                       tf.constant_initializer(0))

            output_list, latent_code_list = [], []
            input_vec = tf.nn.relu(input_d - batch_effect)
            for i in range(T):
                if i > 0:
                    input_vec = tf.nn.relu(input_d - batch_effect)  # imputation step elided
                x = input_vec
                for W, b in zip(enc_W, enc_b):
                    x = tf.nn.relu(tf.matmul(x, W) + b)
                latent_code = tf.nn.relu(tf.matmul(x, W_fea) + b_fea)
                output = tf.nn.relu(tf.matmul(latent_code, W_recon) + b_recon)
                latent_code_list.append(latent_code)
                output_list.append(output)
    return output_list, latent_code_list, batch_effect


def Cal_Loss(output_layer_list, input_data, use_mask, removed_exp_batch_effect):
    corrected = input_data - removed_exp_batch_effect
    val_mask = tf.sign(corrected) if use_mask else tf.sign(corrected + 1)
    acc_loss = tf.add_n([tf.reduce_mean(tf.norm(val_mask * (out - corrected)))
                         for out in output_layer_list])
    tf.add_to_collection('losses', acc_loss)
    return acc_loss


def tower_loss(scope, batch_data, use_mask, latent_code_dim, T, encoder_layers, decoder_layers,
               exp_batch_id, re_use_flag):
    layer_out, _, batch_effect = Inference(batch_data, latent_code_dim, T, encoder_layers,
                                           decoder_layers, exp_batch_id, re_use=re_use_flag)
    _ = Cal_Loss(layer_out, batch_data, use_mask, batch_effect)
    losses = tf.get_collection('losses', scope)
    return tf.add_n(losses, name='total_loss')


def train(train_data_set, latent_code_dim, use_mask=True, batch_size=64, max_epoch=100, T=2,
          encoder_layers=[], decoder_layers=[], learning_rate=0.0001, beta1=0.05, num_gpus=1):
    exp_batch_idx_input = np.zeros((np.shape(train_data_set)[0], 1))
    with tf.Graph().as_default(), tf.device('/cpu:0'):
        train_data = tf.placeholder(tf.float32, [batch_size, np.shape(train_data_set)[1]])
        exp_batch_idx = tf.placeholder(tf.float32, [batch_size, 1])
        opt = tf.train.AdamOptimizer(learning_rate, beta1=beta1)
        tower_grads = []
        itv = batch_size // num_gpus
        with tf.variable_scope(tf.get_variable_scope()):
            for i in range(num_gpus):
                with tf.device('/gpu:%d' % i), tf.name_scope('tower_%d' % i) as scope:
                    loss = tower_loss(scope, train_data[i * itv:(i + 1) * itv, :], use_mask,
                                      latent_code_dim, T, encoder_layers, decoder_layers,
                                      exp_batch_idx[i * itv:(i + 1) * itv, :], i > 0)
                    tf.get_variable_scope().reuse_variables()
                    inference_para = [v for v in tf.trainable_variables() if 'inference' in v.name]
                    tower_grads.append(opt.compute_gradients(loss, inference_para))
        train_op = opt.apply_gradients(average_gradients(tower_grads))

        sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
        sess.run(tf.global_variables_initializer())
        n = np.shape(train_data_set)[0]
        for step in range(1, max_epoch + 1):
            for _ in range(n // batch_size):
                sel = np.random.choice(n, batch_size, replace=False)
                sess.run(train_op, feed_dict={train_data: train_data_set[sel, :],
                                              exp_batch_idx: exp_batch_idx_input[sel, :]})
        return sess
