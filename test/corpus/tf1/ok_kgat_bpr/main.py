# Idiom seen in: xiangwang1223/knowledge_graph_attention_network Model/Main.py
# What it reproduces: KGAT's training driver; arguments and the data loader come from utility modules
#   this program does not hold. Both phases train losses that include their L2 terms. Clean.
import numpy as np
import tensorflow as tf
from utility.parser import parse_args
from utility.loader_kgat import KGAT_loader
from kgat import KGAT

if __name__ == '__main__':
    args = parse_args()
    data_generator = KGAT_loader(args=args, path=args.data_path + args.dataset)
    config = dict()
    config['n_users'] = data_generator.n_users
    config['n_entities'] = data_generator.n_entities
    config['n_relations'] = data_generator.n_relations
    config['A_in'] = data_generator.sparse_adj_tensor()

    model = KGAT(data_config=config, args=args)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())

    for epoch in range(args.epoch):
        loss, base_loss, reg_loss = 0., 0., 0.
        n_batch = data_generator.n_train // args.batch_size + 1
        for idx in range(n_batch):
            batch_data = data_generator.generate_train_batch()
            feed_dict = data_generator.generate_train_feed_dict(model, batch_data)
            _, batch_loss, batch_base_loss, batch_reg_loss = model.train(sess, feed_dict=feed_dict)
            loss += batch_loss
            base_loss += batch_base_loss
            reg_loss += batch_reg_loss

        kge_loss = 0.
        n_A_batch = len(data_generator.all_h_list) // args.batch_size_kg + 1
        for idx in range(n_A_batch):
            A_batch_data = data_generator.generate_train_A_batch()
            feed_dict = data_generator.generate_train_A_feed_dict(model, A_batch_data)
            _, batch_loss, batch_kge_loss, batch_reg_loss = model.train_A(sess, feed_dict=feed_dict)
            kge_loss += batch_kge_loss

        if np.isnan(loss):
            print('ERROR: loss@phase1 is nan.')
            break
        print('Epoch %d [%.5f=%.5f + %.5f] kge %.5f' % (epoch, loss, base_loss, reg_loss, kge_loss))
