# Idiom seen in: xiangwang1223/neural_graph_collaborative_filtering NGCF/NGCF.py (__main__ training loop)
# What it reproduces: the entry script: args from utility/parser.py, the interaction data and the normalized
#   adjacency from a loader module that is not part of this folder, and a session loop that runs model.opt and
#   prints loss, mf_loss, emb_loss and reg_loss per epoch (emb_loss is only logged, see ngcf.py).
from time import time

import numpy as np
import tensorflow as tf

from utility.parser import parse_args
from utility.load_data import Data
from ngcf import NGCF

if __name__ == '__main__':
    args = parse_args()
    data_generator = Data(path=args.data_path + args.dataset, batch_size=args.batch_size)
    config = {'n_users': data_generator.n_users,
              'n_items': data_generator.n_items,
              'norm_adj': data_generator.get_norm_adj_as_coo()}
    model = NGCF(data_config=config, args=args)

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    n_batch = data_generator.n_train // args.batch_size + 1
    for epoch in range(args.epoch):
        t1 = time()
        loss, mf_loss, emb_loss, reg_loss = 0., 0., 0., 0.
        for idx in range(n_batch):
            users, pos_items, neg_items = data_generator.sample()
            _, b_loss, b_mf, b_emb, b_reg = sess.run(
                [model.opt, model.loss, model.mf_loss, model.emb_loss, model.reg_loss],
                feed_dict={model.users: users, model.pos_items: pos_items,
                           model.neg_items: neg_items,
                           model.mess_dropout: eval(args.mess_dropout)})
            loss += b_loss / n_batch
            mf_loss += b_mf / n_batch
            emb_loss += b_emb / n_batch
            reg_loss += np.mean(b_reg) / n_batch
        if args.verbose and epoch % args.verbose == 0:
            print('Epoch %d [%.1fs]: train==[%.5f=%.5f + %.5f + %.5f]'
                  % (epoch, time() - t1, loss, mf_loss, emb_loss, reg_loss))
