# Idiom seen in: ildoonet/tf-pose-estimation tf_pose/train.py (towers over tf.split inputs, tf.nn.l2_loss per stage, Adam minimize(total_loss, colocate_gradients_with_ops=True))
# What it reproduces: a multi-GPU tower loop that sums the per-stage heatmap/PAF losses of every tower and minimizes
#   that sum; the slim weights_regularizer terms created in network_base.py are never retrieved (bug, see network_base.py).
import argparse
import logging
import os

import tensorflow as tf

from pose_dataset import get_dataflow_batch, DataFlowToQueue
from networks import get_network

logger = logging.getLogger('train')
logger.setLevel(logging.DEBUG)

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Training codes for Openpose using Tensorflow')
    parser.add_argument('--model', default='mobilenet_thin', help='model name')
    parser.add_argument('--datapath', type=str, default='/data/public/rw/coco/annotations')
    parser.add_argument('--batchsize', type=int, default=64)
    parser.add_argument('--gpus', type=int, default=4)
    parser.add_argument('--max-epoch', type=int, default=600)
    parser.add_argument('--lr', type=str, default='0.001')
    parser.add_argument('--input-width', type=int, default=432)
    parser.add_argument('--input-height', type=int, default=368)
    args = parser.parse_args()

    scale = 8
    output_w, output_h = args.input_width // scale, args.input_height // scale

    with tf.device(tf.DeviceSpec(device_type="CPU")):
        input_node = tf.placeholder(tf.float32, shape=(args.batchsize, args.input_height, args.input_width, 3), name='image')
        vectmap_node = tf.placeholder(tf.float32, shape=(args.batchsize, output_h, output_w, 38), name='vectmap')
        heatmap_node = tf.placeholder(tf.float32, shape=(args.batchsize, output_h, output_w, 19), name='heatmap')
        df = get_dataflow_batch(args.datapath, True, args.batchsize)
        enqueuer = DataFlowToQueue(df, [input_node, heatmap_node, vectmap_node], queue_size=100)
        q_inp, q_heat, q_vect = enqueuer.dequeue()

    q_inp_split, q_heat_split, q_vect_split = tf.split(q_inp, args.gpus), tf.split(q_heat, args.gpus), tf.split(q_vect, args.gpus)

    losses = []
    last_losses_l1, last_losses_l2 = [], []
    for gpu_id in range(args.gpus):
        with tf.device(tf.DeviceSpec(device_type="GPU", device_index=gpu_id)):
            with tf.variable_scope(tf.get_variable_scope(), reuse=(gpu_id > 0)):
                net, pretrain_path, last_layer = get_network(args.model, q_inp_split[gpu_id])
                l1s, l2s = net.loss_l1_l2()
                for idx, (l1, l2) in enumerate(zip(l1s, l2s)):
                    loss_l1 = tf.nn.l2_loss(l1 - q_vect_split[gpu_id], name='loss_l1_stage%d_tower%d' % (idx, gpu_id))
                    loss_l2 = tf.nn.l2_loss(l2 - q_heat_split[gpu_id], name='loss_l2_stage%d_tower%d' % (idx, gpu_id))
                    losses.append(tf.reduce_mean([loss_l1, loss_l2]))
                last_losses_l1.append(loss_l1)
                last_losses_l2.append(loss_l2)

    with tf.device(tf.DeviceSpec(device_type="GPU")):
        total_loss = tf.reduce_sum(losses) / args.batchsize
        total_loss_ll_paf = tf.reduce_sum(last_losses_l1) / args.batchsize
        total_loss_ll_heat = tf.reduce_sum(last_losses_l2) / args.batchsize
        total_loss_ll = tf.reduce_sum([total_loss_ll_paf, total_loss_ll_heat])

        step_per_epoch = 121745 // args.batchsize
        global_step = tf.Variable(0, trainable=False)
        learning_rate = tf.train.cosine_decay(float(args.lr), global_step, args.max_epoch * step_per_epoch, alpha=0.0)

    optimizer = tf.train.AdamOptimizer(learning_rate, epsilon=1e-8)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(total_loss, global_step, colocate_gradients_with_ops=True)

    tf.summary.scalar("loss", total_loss)
    tf.summary.scalar("loss_lastlayer", total_loss_ll)
    tf.summary.scalar("lr", learning_rate)
    merged_summary_op = tf.summary.merge_all()

    saver = tf.train.Saver(max_to_keep=1000)
    config = tf.ConfigProto(allow_soft_placement=True, log_device_placement=False)
    with tf.Session(config=config) as sess:
        sess.run(tf.global_variables_initializer())
        file_writer = tf.summary.FileWriter(os.path.join('./models/train/', args.model), sess.graph)
        enqueuer.set_coordinator(tf.train.Coordinator())
        enqueuer.start()
        while True:
            _, gs_num = sess.run([train_op, global_step])
            if gs_num > step_per_epoch * args.max_epoch:
                break
            if gs_num % 100 == 0:
                train_loss, train_loss_ll, lr_val, summary = sess.run(
                    [total_loss, total_loss_ll, learning_rate, merged_summary_op])
                logger.info('step=%d, lr=%f, loss=%g, loss_ll=%g' % (gs_num, lr_val, train_loss, train_loss_ll))
                file_writer.add_summary(summary, gs_num)
            if gs_num % 2000 == 0:
                saver.save(sess, os.path.join('./models/train/', args.model, 'model'), global_step=global_step)
