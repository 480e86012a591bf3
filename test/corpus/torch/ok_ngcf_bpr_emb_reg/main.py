# Idiom seen in: huangtinglin/NGCF-PyTorch NGCF/main.py
# What it reproduces: the NGCF training driver: Adam(model.parameters(), lr=args.lr) with no weight_decay, and the
#   batch loss returned by create_bpr_loss (BPR + embedding L2) is the one backward() differentiates. Clean.
from time import time

import torch
import torch.optim as optim

from NGCF import NGCF
from utility.batch_test import args, data_generator, test
from utility.helper import early_stopping

if __name__ == '__main__':
    args.device = torch.device('cuda:' + str(args.gpu_id))
    plain_adj, norm_adj, mean_adj = data_generator.get_adj_mat()
    args.node_dropout = eval(args.node_dropout)
    args.mess_dropout = eval(args.mess_dropout)

    model = NGCF(data_generator.n_users, data_generator.n_items, norm_adj, args).to(args.device)

    t0 = time()
    cur_best_pre_0, stopping_step = 0, 0
    optimizer = optim.Adam(model.parameters(), lr=args.lr)

    for epoch in range(args.epoch):
        t1 = time()
        loss, mf_loss, emb_loss = 0., 0., 0.
        n_batch = data_generator.n_train // args.batch_size + 1
        for idx in range(n_batch):
            users, pos_items, neg_items = data_generator.sample()
            u_g_embeddings, pos_i_g_embeddings, neg_i_g_embeddings = model(
                users, pos_items, neg_items, drop_flag=args.node_dropout_flag)
            batch_loss, batch_mf_loss, batch_emb_loss = model.create_bpr_loss(
                u_g_embeddings, pos_i_g_embeddings, neg_i_g_embeddings)
            optimizer.zero_grad()
            batch_loss.backward()
            optimizer.step()
            loss += batch_loss
            mf_loss += batch_mf_loss
            emb_loss += batch_emb_loss

        if (epoch + 1) % 10 != 0:
            print('Epoch %d [%.1fs]: train==[%.5f=%.5f + %.5f]' % (epoch, time() - t1, loss, mf_loss, emb_loss))
            continue

        ret = test(model, list(data_generator.test_set.keys()), drop_flag=False)
        print('Epoch %d: recall=[%.5f, %.5f], ndcg=[%.5f, %.5f]' % (
            epoch, ret['recall'][0], ret['recall'][-1], ret['ndcg'][0], ret['ndcg'][-1]))
        cur_best_pre_0, stopping_step, should_stop = early_stopping(
            ret['recall'][0], cur_best_pre_0, stopping_step, expected_order='acc', flag_step=5)
        if should_stop:
            break
        if ret['recall'][0] == cur_best_pre_0 and args.save_flag == 1:
            torch.save(model.state_dict(), args.weights_path + str(epoch) + '.pkl')
    print('done in %.1fs' % (time() - t0))
