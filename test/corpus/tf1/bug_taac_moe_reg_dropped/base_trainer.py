# Idiom seen in: JacksonWuxs/taac2021-Video-Classification-Rank5 utils/base_trainer.py
# What it reproduces: the trainer's build_train_graph: per-tower losses from model.build_loss are summed into
#   total_loss (no regularization losses), differentiated with compute_gradients and applied per modality learning rate.
import tensorflow as tf

from reader import TFRecordReader
from video_tagger import VideoTagger

DEFAULT_CONFIG = {
    'ModelConfig': {
        'modal_name_list': ['video', 'text'],
        'video_head_params': {'max_frames': 300, 'cluster_size': 128},
        'text_head_params': {'bert_config': 'pretrained/bert/bert_config.json'},
        'tagging_classifier_params': {'num_classes': 82, 'num_mixtures': 4, 'l2_penalty': 1e-5},
    },
    'OptimizerConfig': {
        'optimizer': 'AdamOptimizer',
        'learning_rate_dict': {'video': 1e-4, 'text': 5e-5, 'classifier': 1e-2},
        'learning_rate_decay': 0.1,
        'max_step_num': 10000,
    },
}


class Trainer(object):
    def __init__(self, configs, reader):
        self.model = VideoTagger(configs['ModelConfig'])
        self.optimizer_config = configs['OptimizerConfig']
        self.reader = reader

    def build_train_graph(self):
        self.global_step = tf.Variable(0, trainable=False, name="global_step")
        optimizer_class = getattr(tf.train, self.optimizer_config['optimizer'])
        optimizer_dict = {}
        for k, v in self.optimizer_config['learning_rate_dict'].items():
            lr = tf.train.exponential_decay(v, self.global_step, 3333,
                                            self.optimizer_config['learning_rate_decay'], staircase=True)
            tf.summary.scalar('lr/{}'.format(k), lr)
            optimizer_dict[k] = optimizer_class(learning_rate=lr)

        inputs = self.reader.get_train_inputs()
        with tf.variable_scope("tower"):
            result_dict = self.model(inputs, is_training=True)
            loss_dict = self.model.build_loss(inputs, result_dict)
            update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
            with tf.control_dependencies(update_ops):
                total_loss = sum([v for k, v in loss_dict.items()])
            gradients = optimizer_dict['classifier'].compute_gradients(total_loss)

        vars_dict = {key: [] for key in self.optimizer_config['learning_rate_dict']}
        for grad, var in gradients:
            if grad is None:
                continue
            key = next((k for k in vars_dict if k in var.name and k != 'classifier'), 'classifier')
            vars_dict[key].append((grad, var))
        train_ops = []
        for key, grads_and_vars in vars_dict.items():
            if grads_and_vars:
                step = self.global_step if key == 'classifier' else None
                train_ops.append(optimizer_dict[key].apply_gradients(grads_and_vars, global_step=step))
        self.train_op = tf.group(*train_ops)
        tf.summary.scalar("TrainLoss/total_loss", total_loss)
        return total_loss

    def run(self):
        total_loss = self.build_train_graph()
        with tf.train.MonitoredTrainingSession(checkpoint_dir='./checkpoints') as sess:
            for step in range(self.optimizer_config['max_step_num']):
                _, loss_val = sess.run([self.train_op, total_loss])
                if step % 100 == 0:
                    print("training step {} | total_loss: {:.4f}".format(step, loss_val))


if __name__ == '__main__':
    Trainer(DEFAULT_CONFIG, TFRecordReader('dataset/tagging/train.txt', batch_size=64)).run()
