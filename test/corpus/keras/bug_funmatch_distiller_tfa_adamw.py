# Idiom seen in: sayakpaul/FunMatch-Distillation funmatch_distillation.ipynb
# What it reproduces: Distiller(tf.keras.Model) with a train_step override applying student gradients through
#   tfa.optimizers.AdamW(weight_decay=WEIGHT_DECAY) without decay_var_list: every student variable, including
#   BatchNorm/GroupNorm scales and biases, is decayed (real code).
import numpy as np
import tensorflow as tf
import tensorflow_addons as tfa

from bit_student import get_student
from data_utils import make_dataset, count_data_items
from lr_schedule import WarmUpCosine

AUTO = tf.data.AUTOTUNE
EPOCHS = 300
TEMPERATURE = 2
INIT_LR = 0.01
WEIGHT_DECAY = 1e-5
CLIP_THRESHOLD = 1.0

try:
    tpu = tf.distribute.cluster_resolver.TPUClusterResolver()
    tf.config.experimental_connect_to_cluster(tpu)
    tf.tpu.experimental.initialize_tpu_system(tpu)
    strategy = tf.distribute.TPUStrategy(tpu)
except ValueError:
    strategy = tf.distribute.MirroredStrategy()

BATCH_SIZE = 64 * strategy.num_replicas_in_sync
RESIZE = 128


def kl_divergence(true_p, q):
    true_prob = tf.nn.softmax(true_p)
    loss_1 = -tf.nn.softmax_cross_entropy_with_logits(logits=true_p, labels=true_prob)
    loss_2 = tf.nn.softmax_cross_entropy_with_logits(logits=q, labels=true_prob)
    return loss_1 + loss_2


class Distiller(tf.keras.Model):
    def __init__(self, student, teacher):
        super(Distiller, self).__init__()
        self.student = student
        self.teacher = teacher

    def compile(self, optimizer, metrics, distillation_loss_fn, temperature=TEMPERATURE):
        super(Distiller, self).compile(optimizer=optimizer, metrics=metrics)
        self.distillation_loss_fn = distillation_loss_fn
        self.temperature = temperature

    def train_step(self, data):
        x, _ = data
        teacher_predictions = self.teacher(x, training=False)
        with tf.GradientTape() as tape:
            student_predictions = self.student(x, training=True)
            distillation_loss = self.distillation_loss_fn(teacher_predictions / self.temperature,
                                                          student_predictions / self.temperature)
            distillation_loss = tf.nn.compute_average_loss(distillation_loss, global_batch_size=BATCH_SIZE)
        trainable_vars = self.student.trainable_variables
        gradients = tape.gradient(distillation_loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        results = {m.name: m.result() for m in self.metrics}
        results.update({"distillation_loss": distillation_loss})
        return results


train_filenames = tf.io.gfile.glob("gs://funmatch-tf/train/*.tfrec")
validation_filenames = tf.io.gfile.glob("gs://funmatch-tf/validation/*.tfrec")
DATASET_NUM_TRAIN_EXAMPLES = count_data_items(train_filenames)
training_dataset = make_dataset(train_filenames, BATCH_SIZE, RESIZE, train=True)
validation_dataset = make_dataset(validation_filenames, BATCH_SIZE, RESIZE, train=False)

TOTAL_STEPS = int(DATASET_NUM_TRAIN_EXAMPLES / BATCH_SIZE * EPOCHS)
scheduled_lrs = WarmUpCosine(learning_rate_base=INIT_LR, total_steps=TOTAL_STEPS,
                             warmup_learning_rate=0.0, warmup_steps=1500)

with strategy.scope():
    optimizer = tfa.optimizers.AdamW(weight_decay=WEIGHT_DECAY,  # expect: WD203
                                     learning_rate=scheduled_lrs,
                                     clipnorm=CLIP_THRESHOLD)
    teacher = tf.keras.models.load_model("gs://funmatch-tf/models/T-r101x3-128")
    student = get_student()
    student.build((None, RESIZE, RESIZE, 3))

    distiller = Distiller(student=student, teacher=teacher)
    distiller.compile(optimizer, metrics=[tf.keras.metrics.SparseCategoricalAccuracy()],
                      distillation_loss_fn=kl_divergence, temperature=TEMPERATURE)

history = distiller.fit(training_dataset,
                        steps_per_epoch=int(np.ceil(DATASET_NUM_TRAIN_EXAMPLES / BATCH_SIZE)),
                        validation_data=validation_dataset, epochs=EPOCHS)
distiller.student.save("student_model")
