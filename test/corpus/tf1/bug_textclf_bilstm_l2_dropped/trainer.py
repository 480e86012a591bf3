# Idiom seen in: jiangxinyang227/NLP-Project text_classifier/trainer.py
# What it reproduces: the trainer that reads a JSON-like config, picks the model by name and runs the train
#   loop; batches come from a data_helpers module the folder does not hold.
import argparse
import json
import os

import tensorflow as tf

from data_helpers import TrainData  # corpus reader, not in this folder
from models import BiLstmAttenModel, TextCnnModel

DEFAULT_CONFIG = {
    "model_name": "bilstm_atten",
    "epochs": 10,
    "learning_rate": 0.001,
    "optimization": "adam",
    "embedding_size": 200,
    "hidden_sizes": [256],
    "filter_sizes": [2, 3, 4],
    "num_filters": 128,
    "num_classes": 1,
    "keep_prob": 0.5,
    "l2_reg_lambda": 0.0005,
    "max_grad_norm": 5.0,
    "batch_size": 64,
    "ckpt_model_path": "ckpt_model/bilstm_atten",
}


class Trainer(object):
    def __init__(self, config):
        self.config = config
        self.data = TrainData(config)
        self.word_vectors, self.vocab_size = self.data.word_vectors, self.data.vocab_size
        if config["model_name"] == "textcnn":
            self.model = TextCnnModel(config, self.vocab_size, self.word_vectors)
        elif config["model_name"] == "bilstm_atten":
            self.model = BiLstmAttenModel(config, self.vocab_size, self.word_vectors)

    def train(self):
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            step = 0
            for epoch in range(self.config["epochs"]):
                for batch in self.data.next_batch(self.config["batch_size"]):
                    _, loss, _ = self.model.train(sess, batch, self.config["keep_prob"])
                    step += 1
                    if step % 100 == 0:
                        print("epoch %d step %d loss %.4f" % (epoch, step, loss))
                save_path = os.path.join(os.path.abspath(os.getcwd()), self.config["ckpt_model_path"])
                self.model.saver.save(sess, save_path, global_step=step)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config_path", help="config json", default="")
    args = parser.parse_args()
    config = dict(DEFAULT_CONFIG)
    if args.config_path:
        with open(args.config_path) as fr:
            config.update(json.load(fr))
    Trainer(config).train()
