# Idiom seen in: YunYang1994/tensorflow-yolov3 quick_train.py
# Idiom seen in: YunYang1994/tensorflow-yolov3 core/yolov3.py
# What it reproduces: YOLOv3 training loop over a TFRecord parser the program does not hold; Adam
#   minimizes loss[0] only, so the arg_scope's l2 regularization losses are never added (user mistake).
import tensorflow as tf
from core import utils
from core.dataset import dataset, Parser
from yolov3 import yolov3

sess = tf.Session()

IMAGE_H, IMAGE_W = 416, 416
BATCH_SIZE = 8
STEPS = 25000
LR = 0.001
NUM_CLASSES = 20
ANCHORS = utils.get_anchors('./data/voc_anchors.txt', IMAGE_H, IMAGE_W)
train_tfrecord = "./voc_train*.tfrecords"

parser = Parser(IMAGE_H, IMAGE_W, ANCHORS, NUM_CLASSES)
trainset = dataset(parser, train_tfrecord, BATCH_SIZE, shuffle=100)
example = trainset.get_next()

images, *y_true = example
model = yolov3(NUM_CLASSES, ANCHORS)
with tf.variable_scope('yolov3'):
    pred_feature_map = model.forward(images, is_training=True)
    loss = model.compute_loss(pred_feature_map, y_true)

global_step = tf.Variable(0, trainable=False, collections=[tf.GraphKeys.LOCAL_VARIABLES])
optimizer = tf.train.AdamOptimizer(LR)
update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
with tf.control_dependencies(update_ops):
    train_op = optimizer.minimize(loss[0], global_step=global_step)

tf.summary.scalar("loss/total_loss", loss[0])
write_op = tf.summary.merge_all()
writer_train = tf.summary.FileWriter("./data/train")
sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
saver = tf.train.Saver(max_to_keep=2)

for step in range(STEPS):
    run_items = sess.run([train_op, write_op] + loss)
    writer_train.add_summary(run_items[1], global_step=step)
    if (step + 1) % 100 == 0:
        print("=> STEP %10d [TRAIN]:\tloss_xy:%7.4f \tloss_wh:%7.4f \tloss_conf:%7.4f \tloss_class:%7.4f"
              % (step + 1, run_items[3], run_items[4], run_items[5], run_items[6]))
    if (step + 1) % 2500 == 0:
        saver.save(sess, save_path="./checkpoint/yolov3.ckpt", global_step=step + 1)
