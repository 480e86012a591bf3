# Idiom seen in: hwwang55/MKR src/model.py
# What it reproduces: argparse hyper-parameters (l2_weight) and the alternating RS / KGE training loop
#   over the MKR model whose losses carry their l2 terms (clean).
import argparse
import numpy as np
import tensorflow as tf
from data_loader import load_data
from model import MKR

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', type=str, default='movie', help='which dataset to use')
parser.add_argument('--n_epochs', type=int, default=20, help='the number of epochs')
parser.add_argument('--dim', type=int, default=8, help='dimension of user and entity embeddings')
parser.add_argument('--L', type=int, default=1, help='number of low layers')
parser.add_argument('--H', type=int, default=1, help='number of high layers')
parser.add_argument('--batch_size', type=int, default=4096, help='batch size')
parser.add_argument('--l2_weight', type=float, default=1e-6, help='weight of l2 regularization')
parser.add_argument('--lr_rs', type=float, default=0.02, help='learning rate of RS task')
parser.add_argument('--lr_kge', type=float, default=0.01, help='learning rate of KGE task')
parser.add_argument('--kge_interval', type=int, default=3, help='training interval of KGE task')
args = parser.parse_args()


def get_feed_dict_for_rs(model, data, start, end):
    return {model.user_indices: data[start:end, 0],
            model.item_indices: data[start:end, 1],
            model.labels: data[start:end, 2],
            model.head_indices: data[start:end, 1]}


def get_feed_dict_for_kge(model, kg, start, end):
    return {model.item_indices: kg[start:end, 0],
            model.head_indices: kg[start:end, 0],
            model.relation_indices: kg[start:end, 1],
            model.tail_indices: kg[start:end, 2]}


def train(args, data):
    n_user, n_item, n_entity, n_relation = data[0], data[1], data[2], data[3]
    train_data, eval_data, test_data, kg = data[4], data[5], data[6], data[7]
    model = MKR(args, n_user, n_item, n_entity, n_relation)

    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        for step in range(args.n_epochs):
            np.random.shuffle(train_data)
            start = 0
            while start < train_data.shape[0]:
                _, loss = model.train_rs(sess, get_feed_dict_for_rs(model, train_data, start, start + args.batch_size))
                start += args.batch_size
            if step % args.kge_interval == 0:
                np.random.shuffle(kg)
                start = 0
                while start < kg.shape[0]:
                    _, rmse = model.train_kge(sess, get_feed_dict_for_kge(model, kg, start, start + args.batch_size))
                    start += args.batch_size
            eval_auc, eval_acc = model.eval(sess, get_feed_dict_for_rs(model, eval_data, 0, eval_data.shape[0]))
            print('epoch %d    eval auc: %.4f acc: %.4f' % (step, eval_auc, eval_acc))


if __name__ == '__main__':
    train(args, load_data(args))
